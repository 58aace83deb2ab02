package com.ambiosys.platform.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Text a person could have typed never holds C0 control characters other than tab, line feed and carriage
 * return, nor DEL. PostgreSQL refuses NUL in text outright (a 500 if it got that far), and the others only
 * hide things from the people who read them later. Finds the first field that has one, walking records,
 * collections, maps and JSON trees, so the problem can name it.
 */
final class ControlCharacters {

    private static final int MAX_DEPTH = 16;

    private ControlCharacters() {
    }

    static boolean present(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The path of the first string in {@code value} with a control character, or null when there is none. */
    static String firstField(Object value) {
        return find(value, "", 0);
    }

    private static String find(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return present(text) ? path : null;
        }
        if (value instanceof JsonNode node) {
            return node(node, path, depth);
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String found = find(item, path + "[" + i++ + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String found = present(key) ? join(path, key) : find(entry.getValue(), join(path, key), depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                String found = find(component.read(value), join(path, component.name()), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String node(JsonNode node, String path, int depth) {
        if (node.isString()) {
            return present(node.asString()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = node(node.get(i), path + "[" + i + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject() && depth <= MAX_DEPTH) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String field = join(path, property.getKey());
                String found = present(property.getKey()) ? field : node(property.getValue(), field, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A record component that may hold text, with its accessor made accessible once. */
    private record Component(String name, Method accessor) {

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                return null;
            }
        }
    }

    /**
     * Per record type, the components that may hold text (not primitives, numbers, enums, times or ids): found
     * by reflection once per type, not on every request.
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Class<?> t = component.getType();
                if (t.isPrimitive() || Number.class.isAssignableFrom(t) || t.isEnum()
                        || t.getName().startsWith("java.time.") || t == java.util.UUID.class) {
                    continue;
                }
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                }
                catch (RuntimeException ex) {
                    continue; // not readable here: nothing to find in it, as before
                }
                components.add(new Component(component.getName(), accessor));
            }
            return components.toArray(Component[]::new);
        }
    };

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
