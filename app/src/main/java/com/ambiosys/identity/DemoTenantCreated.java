package com.ambiosys.identity;

import com.ambiosys.platform.tenancy.TenantScoped;

import java.util.Map;
import java.util.UUID;

/**
 * The demo tenant was just opened: modules may add their demo data to it.
 * @param staff the demo users' ids by email (for example {@code ventas@ambiotec.example})
 */
public record DemoTenantCreated(UUID tenantId, Map<String, UserId> staff) implements TenantScoped {
}
