package com.ambiosys.identity.web;

import java.util.Set;
import java.util.UUID;

import com.ambiosys.platform.security.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.tenants.TenantManagement;
import com.ambiosys.tenants.TenantSummary;

/** Who am I: the user, the tenant, and what I may do. Answered from memory on the hot path. */
@RestController
class MeController {

    record Me(UserPart user, TenantPart tenant, Set<String> permissions, long permissionVersion) {
    }

    record UserPart(UUID id, String email, String fullName, String language) {
    }

    record TenantPart(UUID id, String slug, String name, String country, String timeZone, String defaultLanguage) {
    }

    private final TenantManagement tenants;

    MeController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/me")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    Me me() {
        CurrentUser user = CurrentUsers.require();
        TenantSummary tenant = tenants.find(user.tenantId()).orElseThrow(() -> new NotFoundException("tenant"));
        return new Me(new UserPart(user.userId(), user.email(), user.fullName(), user.language()),
                new TenantPart(tenant.id(), tenant.slug(), tenant.name(), tenant.country(), tenant.timeZone(),
                        tenant.defaultLanguage()),
                user.permissions(), user.permissionVersion());
    }
}
