package com.ambiosys.identity.internal;

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

/**
 * Refresh tokens: stored hashed, one family per login, rotated on every use. A token lives
 * {@code refresh-token-ttl} after its issue (the sliding window), but never beyond its family's start plus
 * {@code session-max-age} (the absolute lifetime of a sign-in). A token just rotated still works for
 * {@code refresh-reuse-grace}: two tabs that refresh with the same token at once both stay signed in.
 */
@Component
class RefreshTokenStore {

    record StoredToken(UUID id, UUID userId, UUID familyId, Instant familyStartedAt, Instant expiresAt,
            Instant rotatedAt, Instant revokedAt) {
    }

    /** A new refresh token and how many seconds it works. */
    record Issued(String token, long expiresIn) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration maxAge;
    private final Duration reuseGrace;

    RefreshTokenStore(JdbcClient jdbc, Clock clock, @Value("${ambiosys.security.refresh-token-ttl:7d}") Duration ttl,
            @Value("${ambiosys.security.session-max-age:30d}") Duration maxAge,
            @Value("${ambiosys.security.refresh-reuse-grace:30s}") Duration reuseGrace) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
        this.maxAge = maxAge;
        this.reuseGrace = reuseGrace;
    }

    /** Issues a token of the family that started at {@code familyStartedAt} (a new sign-in: now). */
    Issued issue(UUID userId, UUID familyId, Instant familyStartedAt, ClientInfo client) {
        UUID tenant = TenantContext.require();
        String token = SecretTokens.create(tenant);
        Instant now = clock.instant();
        Instant sessionEnd = familyStartedAt.plus(maxAge);
        Instant expiresAt = now.plus(ttl).isAfter(sessionEnd) ? sessionEnd : now.plus(ttl);
        jdbc.sql("""
                insert into refresh_tokens (tenant_id, id, user_id, family_id, family_started_at, token_hash, issued_at,
                                            expires_at, ip, user_agent)
                values (:t, :id, :u, :f, :started, :h, :now, :exp, :ip, :ua)
                """)
            .param("t", tenant).param("id", Ids.next()).param("u", userId).param("f", familyId)
            .param("started", Timestamp.from(familyStartedAt))
            .param("h", SecretTokens.hash(token)).param("now", Timestamp.from(now))
            .param("exp", Timestamp.from(expiresAt)).param("ip", client.ip()).param("ua", client.userAgent())
            .update();
        return new Issued(token, Duration.between(now, expiresAt).toSeconds());
    }

    Optional<StoredToken> findForUpdate(String token) {
        return jdbc.sql("""
                select id, user_id, family_id, family_started_at, expires_at, rotated_at, revoked_at
                  from refresh_tokens where tenant_id = :t and token_hash = :h for update
                """)
            .param("t", TenantContext.require()).param("h", SecretTokens.hash(token))
            .query((rs, n) -> new StoredToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                    instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
            .optional();
    }

    /** The sign-in the token belongs to is older than the absolute lifetime of a session. */
    boolean sessionOver(StoredToken token, Instant now) {
        return !now.isBefore(token.familyStartedAt().plus(maxAge));
    }

    /**
     * The token was rotated so recently that this is another tab's request racing the rotation, not a
     * stolen copy: it may still be exchanged (for a sibling in the same family).
     */
    boolean withinReuseGrace(StoredToken token, Instant now) {
        return token.rotatedAt() != null && !now.isAfter(token.rotatedAt().plus(reuseGrace));
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

    /** A sign-in still open: its family, when it started and was last used, from where, and until when it lasts. */
    public record OpenSession(UUID id, Instant startedAt, Instant lastUsedAt, Instant expiresAt, String ip,
            String userAgent) {
    }

    /** The user's open sign-ins (a family with a live token not yet rotated), the most recently used first. */
    java.util.List<OpenSession> openSessionsOf(UUID userId) {
        return jdbc.sql("""
                select family_id, min(family_started_at) as started, max(issued_at) as last_used,
                       max(expires_at) as expires, (array_agg(ip order by issued_at desc))[1] as ip,
                       (array_agg(user_agent order by issued_at desc))[1] as user_agent
                  from refresh_tokens
                 where tenant_id = :t and user_id = :u and revoked_at is null and expires_at > :now
                 group by family_id having bool_or(rotated_at is null)
                 order by last_used desc, family_id
                """)
            .param("t", TenantContext.require()).param("u", userId).param("now", Timestamp.from(clock.instant()))
            .query((rs, n) -> new OpenSession(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
            .list();
    }

    /** Ends one sign-in of the user; answers how many tokens it revoked (none: no such open sign-in of theirs). */
    int revokeFamilyOf(UUID userId, UUID familyId) {
        return jdbc.sql("""
                update refresh_tokens set revoked_at = :now
                 where tenant_id = :t and user_id = :u and family_id = :f and revoked_at is null
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("u", userId)
            .param("f", familyId).update();
    }

    /** Ends every sign-in of the user but {@code keep} (the one changing the password). */
    int revokeAllOfExcept(UUID userId, UUID keep) {
        return jdbc.sql("""
                update refresh_tokens set revoked_at = :now
                 where tenant_id = :t and user_id = :u and revoked_at is null and family_id <> :keep
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("u", userId)
            .param("keep", keep == null ? new UUID(0, 0) : keep).update();
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
