package com.ambiosys.identity;

import java.util.UUID;

/** The demo tenant was just opened: modules may add their demo data to it. */
public record DemoTenantCreated(UUID tenantId) {
}
