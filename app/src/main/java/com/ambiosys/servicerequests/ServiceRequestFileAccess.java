package com.ambiosys.servicerequests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.files.FileOwnerAccess;
import com.ambiosys.files.OwnerType;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantContext;

/** A service request's files (photos of the site) are seen by whoever may see the request. */
@Component
class ServiceRequestFileAccess implements FileOwnerAccess {

    static final OwnerType OWNER = new OwnerType("service_request");

    private final JdbcClient jdbc;

    ServiceRequestFileAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnerType ownerType() {
        return OWNER;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(String ownerId, CurrentUser user) {
        if (!user.can("servicerequests:view")) {
            return false;
        }
        return FileOwnerAccess.uuid(ownerId).map(id -> jdbc.sql(
                "select exists (select 1 from service_requests r where r.tenant_id = :t and r.id = :id"
                        + ServiceRequestVisibility.visibility() + ")")
            .param("t", TenantContext.require()).param("id", id).param("viewer", ServiceRequestVisibility.viewer(user))
            .query(Boolean.class).single()).orElse(false);
    }
}
