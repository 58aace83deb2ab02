package com.ambiosys.platform.tenancy;

import java.util.UUID;

/**
 * Something that belongs to one tenant, such as an event between modules: a module listener receiving it
 * runs in that tenant's context, set before its transaction begins (platform/events).
 */
public interface TenantScoped {

    UUID tenantId();
}
