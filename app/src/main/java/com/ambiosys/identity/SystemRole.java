package com.ambiosys.identity;

import java.util.Set;

/** The roles every tenant starts with, and the permissions each carries by default. */
public enum SystemRole {

    ADMIN("Administrador", PermissionCatalog.all()),
    MANAGER("Gerente", PermissionCatalog.of("users:view", "roles:view", "audit:view", "tenants:view", "files", "customers",
            "catalog", "servicerequests", "quotations", "invoicing:view", "finance:view", "finance:approve",
            "scheduling", "inbox", "assistant:view", "notifications:view", "workforce:view", "reporting")),
    SALES("Vendedor", PermissionCatalog.of("files:view", "files:create", "customers:view", "customers:create", "customers:edit", "customers:export",
            "catalog:view", "servicerequests:view", "servicerequests:create", "servicerequests:edit", "quotations:view",
            "quotations:create", "quotations:edit", "quotations:send", "scheduling:view", "inbox:view", "inbox:reply",
            "notifications:view")),
    // an agent answers whoever writes: every customer and request is theirs to see; managing the inbox is not
    AGENT("Agente", PermissionCatalog.of("files:view", "files:create", "inbox:view", "inbox:reply", "inbox:assign", "customers:view",
            "customers:view_all", "customers:create", "customers:edit", "servicerequests:view", "servicerequests:view_all",
            "servicerequests:create", "catalog:view", "notifications:view")),
    FINANCE("Finanzas", PermissionCatalog.of("files:view", "files:create", "finance", "invoicing", "customers:view", "customers:view_all",
            "quotations:view", "quotations:view_all", "reporting", "notifications:view")),
    SUPERVISOR("Supervisor", PermissionCatalog.of("files:view", "files:create", "scheduling", "workforce", "servicerequests:view",
            "servicerequests:view_all", "customers:view", "customers:view_all", "notifications:view")),
    TECHNICIAN("Técnico", PermissionCatalog.of("files:view", "files:create", "scheduling:view", "servicerequests:view", "notifications:view"));

    private final String spanishName;
    private final Set<String> defaults;

    SystemRole(String spanishName, Set<String> defaults) {
        this.spanishName = spanishName;
        this.defaults = defaults;
    }

    public String spanishName() {
        return spanishName;
    }

    public Set<String> defaults() {
        return defaults;
    }
}
