package com.ambiosys.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.files.FileOwnerAccess;
import com.ambiosys.files.OwnerType;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * A message's media (a photo a customer sent, one sent to them) is seen by whoever may read the inbox: the inbox
 * has no per-agent visibility, but a user without {@code inbox:view} sees none of it.
 */
@Component
class InboxMessageFileAccess implements FileOwnerAccess {

    static final OwnerType OWNER = new OwnerType("inbox_message");

    private final JdbcClient jdbc;

    InboxMessageFileAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OwnerType ownerType() {
        return OWNER;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(String ownerId, CurrentUser user) {
        if (!user.can("inbox:view")) {
            return false;
        }
        return FileOwnerAccess.uuid(ownerId).map(id -> jdbc.sql(
                "select exists (select 1 from inbox_messages m where m.tenant_id = :t and m.id = :id)")
            .param("t", TenantContext.require()).param("id", id)
            .query(Boolean.class).single()).orElse(false);
    }
}
