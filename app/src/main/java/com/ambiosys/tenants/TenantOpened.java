package com.ambiosys.tenants;

import java.util.UUID;

import com.ambiosys.platform.tenancy.TenantScoped;

/**
 * A tenant was just opened (the demo tenant too): modules may give it what every tenant starts with.
 * @param country the tenant's country, an ISO 3166 code (GT or SV)
 */
public record TenantOpened(UUID tenantId, String country) implements TenantScoped {
}
