package com.ambiosys.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every permission there is: a module and an action within it, written {@code module:action}.
 * Endpoints declare exactly one of these; roles and per-user grants draw from them.
 */
public final class PermissionCatalog {

    public static final Map<String, List<String>> MODULES;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("users", List.of("view", "create", "edit", "delete"));
        m.put("roles", List.of("view", "create", "edit", "delete"));
        m.put("audit", List.of("view"));
        m.put("tenants", List.of("view", "edit"));
        m.put("files", List.of("view", "create", "delete"));
        m.put("customers", List.of("view", "view_all", "create", "edit", "delete", "export", "import"));
        m.put("catalog", List.of("view", "create", "edit", "delete"));
        m.put("servicerequests", List.of("view", "view_all", "create", "edit", "delete", "approve", "assign", "export", "configure"));
        m.put("quotations", List.of("view", "view_all", "create", "edit", "delete", "approve", "send", "export"));
        m.put("invoicing", List.of("view", "create", "cancel"));
        m.put("finance", List.of("view", "create", "edit", "approve", "export"));
        m.put("scheduling", List.of("view", "create", "edit", "delete"));
        m.put("inbox", List.of("view", "reply", "assign", "manage", "simulate")); // simulate: the WhatsApp simulator (administrators)
        m.put("assistant", List.of("view", "configure"));
        m.put("notifications", List.of("view", "configure"));
        m.put("workforce", List.of("view", "create", "edit", "delete"));
        m.put("reporting", List.of("view", "export"));
        MODULES = java.util.Collections.unmodifiableMap(m);
    }

    private static final Set<String> ALL = MODULES.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(a -> e.getKey() + ":" + a))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));

    private PermissionCatalog() {
    }

    public static Set<String> all() {
        return ALL;
    }

    public static boolean exists(String permission) {
        return ALL.contains(permission);
    }

    /** Every permission of the modules given, or of the given module:action pairs. */
    static Set<String> of(String... entries) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String entry : entries) {
            if (entry.contains(":")) {
                if (!exists(entry)) {
                    throw new IllegalArgumentException("Unknown permission " + entry);
                }
                out.add(entry);
            }
            else {
                MODULES.get(entry).forEach(a -> out.add(entry + ":" + a));
            }
        }
        return out;
    }
}
