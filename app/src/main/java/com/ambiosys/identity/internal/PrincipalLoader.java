package com.ambiosys.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.ambiosys.identity.UserAccessChanged;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.tx.AfterCommit;
import com.ambiosys.tenants.TenantManagement;
import com.ambiosys.tenants.TenantSummary;

/**
 * Answers, for each request, who the token's user is now: still active, tenant still active, and
 * current permissions. Cached for a few seconds (not minutes) so a deactivation or a permission change
 * takes effect almost at once, also on other instances.
 */
@Component
public class PrincipalLoader {

    private record Key(UUID tenantId, UUID userId) {
    }

    /** A loaded user and their permissions as Spring Security authorities, built once per cache entry. */
    record Principal(CurrentUser user, List<GrantedAuthority> authorities) {
    }

    private final Cache<Key, Optional<Principal>> cache;
    private final Users users;
    private final PermissionStore permissions;
    private final TenantManagement tenants;
    private final TenantTransactions tx;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    PrincipalLoader(Users users, PermissionStore permissions, TenantManagement tenants, TenantTransactions tx,
            SecurityProperties settings, ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
        this.users = users;
        this.permissions = permissions;
        this.tenants = tenants;
        this.tx = tx;
        this.cache = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(settings.principalCacheTtl()).build();
    }

    /** The active user, or empty if the user or tenant is gone, inactive or suspended. */
    public Optional<CurrentUser> load(UUID tenantId, UUID userId) {
        return principal(tenantId, userId).map(Principal::user);
    }

    /** {@link #load} with the user's authorities, as every authenticated request needs them. */
    Optional<Principal> principal(UUID tenantId, UUID userId) {
        return cache.get(new Key(tenantId, userId), this::fetch);
    }

    /**
     * The current transaction changes the user's status or permissions: every instance's live streams are told
     * when it commits ({@code NOTIFY}, which PostgreSQL delivers on commit and drops on rollback), and this instance
     * forgets the user then. Other instances' caches keep the user until their entry expires
     * ({@code ambiosys.security.principal-cache-ttl}, 5 s).
     */
    void changing(UUID tenantId, UUID userId) {
        changing(tenantId, List.of(userId));
    }

    /** {@link #changing(UUID, UUID)} for several users (a role's holders): one statement for all. */
    void changing(UUID tenantId, List<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_notify(:channel, :tenant || ':' || u) from unnest(cast(:users as text[])) u")
            .param("channel", UserAccessChanged.CHANNEL).param("tenant", tenantId.toString())
            .param("users", userIds.stream().map(UUID::toString).toArray(String[]::new)).query((rs, n) -> 1).list();
        AfterCommit.run(() -> userIds.forEach(userId -> evict(tenantId, userId)));
    }

    /** Forgets the user, after a committed change of their status or permissions, and says so. */
    void evict(UUID tenantId, UUID userId) {
        cache.invalidate(new Key(tenantId, userId));
        events.publishEvent(new UserAccessChanged(tenantId, new UserId(userId)));
    }

    /** {@link #load} straight from the database (and kept for the requests that follow). */
    public Optional<CurrentUser> reload(UUID tenantId, UUID userId) {
        Key key = new Key(tenantId, userId);
        Optional<Principal> fresh = fetch(key);
        cache.put(key, fresh);
        return fresh.map(Principal::user);
    }


    private Optional<Principal> fetch(Key key) {
        if (!tenants.find(key.tenantId()).map(TenantSummary::active).orElse(false)) {
            return Optional.empty();
        }
        return tx.read(key.tenantId(), status -> users.find(key.tenantId(), key.userId())
            .filter(User::active)
            .map(user -> {
                // sorted once here, so every request can hand it out as it is
                Set<String> granted = java.util.Collections.unmodifiableSortedSet(
                        new java.util.TreeSet<>(permissions.effectivePermissions(user.id())));
                CurrentUser current = new CurrentUser(user.tenantId(), user.id(), user.email(), user.fullName(),
                        user.language(), user.permissionVersion(), granted);
                return new Principal(current, granted.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList());
            }));
    }
}
