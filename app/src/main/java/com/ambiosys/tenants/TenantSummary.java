package com.ambiosys.tenants;

import java.util.UUID;

/** What other modules see of a tenant. */
public record TenantSummary(UUID id, String slug, String name, TenantStatus status, String country, String timeZone,
        String defaultLanguage) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}
