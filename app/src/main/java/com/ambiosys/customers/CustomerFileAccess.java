package com.ambiosys.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.files.FileOwnerAccess;
import com.ambiosys.files.OwnerType;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantContext;

/** A customer's files (documents such as a DPI scan) are seen by whoever may see the customer. */
@Component
class CustomerFileAccess implements FileOwnerAccess {

    static final OwnerType OWNER = new OwnerType("customer");

    private final JdbcClient jdbc;

    CustomerFileAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnerType ownerType() {
        return OWNER;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(String ownerId, CurrentUser user) {
        if (!user.can("customers:view")) {
            return false;
        }
        return FileOwnerAccess.uuid(ownerId).map(id -> jdbc.sql(
                "select exists (select 1 from customers c where c.tenant_id = :t and c.id = :id and c.status <> 'DELETED'"
                        + CustomerVisibility.visibility() + ")")
            .param("t", TenantContext.require()).param("id", id).param("viewer", CustomerVisibility.viewer(user))
            .query(Boolean.class).single()).orElse(false);
    }
}
