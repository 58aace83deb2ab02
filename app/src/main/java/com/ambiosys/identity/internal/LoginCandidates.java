package com.ambiosys.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.tenants.TenantManagement;

/**
 * The accounts an email has, before any tenant is known (login, password reset): every tenant's, or the one
 * named by its slug. The accounts come from identity_login_candidates (R__identity_login.sql), their tenants'
 * slugs from the tenants module, which owns them (one cached lookup per account).
 */
@Component
class LoginCandidates {

    record Account(UUID tenantId, UUID userId, String tenantSlug) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TenantManagement tenants;

    LoginCandidates(JdbcClient jdbc, TransactionTemplate tx, TenantManagement tenants) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tenants = tenants;
    }

    /** The accounts of this (normalized) email, in the tenant named by {@code tenantSlug} if given, by slug. */
    List<Account> of(String email, String tenantSlug) {
        boolean named = tenantSlug != null && !tenantSlug.isBlank();
        List<UUID[]> accounts = tx.execute(status -> jdbc.sql("select tenant_id, user_id from identity_login_candidates(:e)")
            .param("e", email)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
            .list());
        return accounts.stream()
            .flatMap(a -> tenants.find(a[0]).stream().map(t -> new Account(a[0], a[1], t.slug())))
            .filter(a -> !named || a.tenantSlug().equals(tenantSlug))
            .sorted(Comparator.comparing(Account::tenantSlug))
            .toList();
    }
}
