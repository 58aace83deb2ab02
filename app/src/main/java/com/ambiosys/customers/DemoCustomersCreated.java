package com.ambiosys.customers;

import java.util.Map;
import java.util.UUID;

import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantScoped;

/**
 * The demo tenant's customers were added: modules whose demo data names customers (service requests) add
 * theirs now.
 * @param staff the demo users' ids by email, as in identity's {@code DemoTenantCreated}
 */
public record DemoCustomersCreated(UUID tenantId, Map<String, UserId> staff) implements TenantScoped {

    public DemoCustomersCreated {
        staff = Map.copyOf(staff);
    }
}
