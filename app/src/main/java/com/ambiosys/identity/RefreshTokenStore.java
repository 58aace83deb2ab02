package com.ambiosys.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/** Refresh tokens: stored hashed, one family per login, rotated on every use. */
@Component
class RefreshTokenStore {

    record StoredToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    RefreshTokenStore(JdbcClient jdbc, Clock clock, @Value("${ambiosys.security.refresh-token-ttl:7d}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }

    String issue(UUID userId, UUID familyId, ClientInfo client) {
        UUID tenant = TenantContext.require();
        String token = SecretTokens.create(tenant);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into refresh_tokens (tenant_id, id, user_id, family_id, token_hash, issued_at, expires_at, ip, user_agent)
                values (:t, :id, :u, :f, :h, :now, :exp, :ip, :ua)
                """)
            .param("t", tenant).param("id", Ids.next()).param("u", userId).param("f", familyId)
            .param("h", SecretTokens.hash(token)).param("now", Timestamp.from(now))
            .param("exp", Timestamp.from(now.plus(ttl))).param("ip", client.ip()).param("ua", client.userAgent())
            .update();
        return token;
    }

    Optional<StoredToken> findForUpdate(String token) {
        return jdbc.sql("""
                select id, user_id, family_id, expires_at, rotated_at, revoked_at
                  from refresh_tokens where tenant_id = :t and token_hash = :h for update
                """)
            .param("t", TenantContext.require()).param("h", SecretTokens.hash(token))
            .query((rs, n) -> new StoredToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)),
                    instant(rs.getTimestamp(6))))
            .optional();
    }

    void markRotated(UUID id) {
        jdbc.sql("update refresh_tokens set rotated_at = :now where tenant_id = :t and id = :id")
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id).update();
    }

    int revokeFamily(UUID familyId) {
        return jdbc.sql("""
                update refresh_tokens set revoked_at = :now
                 where tenant_id = :t and family_id = :f and revoked_at is null
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("f", familyId)
            .update();
    }

    int revokeAllOf(UUID userId) {
        return jdbc.sql("""
                update refresh_tokens set revoked_at = :now
                 where tenant_id = :t and user_id = :u and revoked_at is null
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("u", userId)
            .update();
    }

    /** Deletes tokens that expired more than a day ago (kept a day so reuse is still recognised). */
    int purgeExpired() {
        return jdbc.sql("delete from refresh_tokens where tenant_id = :t and expires_at < :cutoff")
            .param("t", TenantContext.require())
            .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
            .update();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
