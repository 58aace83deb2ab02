package com.ambiosys.platform.sweeps;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

import com.ambiosys.platform.security.PublicEndpoint;
import com.ambiosys.platform.security.RequiresPermission;

/** One HTTP method on one path pattern of the application's route table, with what its handler declares. */
record Route(String method, String pattern, HandlerMethod handler, List<String> produces) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** A query parameter that carries an id: a {@code @RequestParam} or a component of a query record. */
    record QueryId(String name, boolean uuid) {
    }

    String name() {
        return method + " " + pattern;
    }

    List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The path variables that the handler takes as UUIDs: ids of tenant records. */
    List<String> idPathVariables() {
        List<String> ids = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            PathVariable variable = p.getParameterAnnotation(PathVariable.class);
            if (variable != null && p.getParameterType() == UUID.class) {
                String name = variable.name().isEmpty() ? variable.value() : variable.name();
                ids.add(name.isEmpty() ? parameterName(p) : name);
            }
        }
        return ids;
    }

    /** The path with each variable replaced by its value (URL-safe values are the caller's concern). */
    String path(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = "version".equals(name) ? "v23.0" : values.getOrDefault(name, UUID.randomUUID().toString());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The type of the JSON request body, or null (none, or raw bytes). */
    Class<?> bodyType() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class) && p.getParameterType() != byte[].class) {
                return p.getParameterType();
            }
        }
        return null;
    }

    boolean rawBody() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class) && p.getParameterType() == byte[].class) {
                return true;
            }
        }
        return false;
    }

    boolean multipart() {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestPart.class)) {
                return true;
            }
        }
        return false;
    }

    boolean streams() {
        return produces.contains("text/event-stream");
    }

    /** The permission the handler declares, {@link RequiresPermission#AUTHENTICATED}, or null. */
    String permission() {
        RequiresPermission required = handler.getMethodAnnotation(RequiresPermission.class);
        return required == null ? null : required.value();
    }

    boolean isPublic() {
        return handler.hasMethodAnnotation(PublicEndpoint.class)
                || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
    }

    boolean api() {
        return pattern.startsWith("/api/");
    }

    /** Query parameters that carry ids (by type UUID or by a name ending in Id). */
    List<QueryId> queryIds() {
        List<QueryId> ids = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value().isEmpty() ? parameterName(p) : param.value() : param.name();
                if (p.getParameterType() == UUID.class || name.endsWith("Id")) {
                    ids.add(new QueryId(name, p.getParameterType() == UUID.class));
                }
            }
            else if (queryRecord(p)) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    if (c.getType() == UUID.class || c.getName().endsWith("Id")) {
                        ids.add(new QueryId(c.getName(), c.getType() == UUID.class));
                    }
                }
            }
        }
        return ids;
    }

    /** Every query parameter's name (records bound from the query string contribute their components). */
    Map<String, Class<?>> queryParameters() {
        Map<String, Class<?>> params = new LinkedHashMap<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value().isEmpty() ? parameterName(p) : param.value() : param.name();
                params.put(name, p.getParameterType());
            }
            else if (queryRecord(p)) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    params.put(c.getName(), c.getType());
                }
            }
        }
        return params;
    }

    private static boolean queryRecord(MethodParameter p) {
        return p.getParameterType().isRecord() && p.getParameterType().getName().startsWith("com.ambiosys.")
                && !p.hasParameterAnnotation(RequestBody.class) && !p.hasParameterAnnotation(PathVariable.class);
    }

    private static String parameterName(MethodParameter p) {
        Parameter reflected = p.getMethod().getParameters()[p.getParameterIndex()];
        return reflected.isNamePresent() ? reflected.getName() : "arg" + p.getParameterIndex();
    }

    @Override
    public String toString() {
        return name();
    }
}
