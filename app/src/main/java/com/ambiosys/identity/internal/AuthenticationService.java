package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.AuthenticationFailedException;
import com.ambiosys.platform.errors.DomainException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.TenantManagement;
import com.ambiosys.tenants.TenantSummary;

/**
 * Login, refresh and logout. Each attempt's bookkeeping (failure counts and back-off, access log, token
 * rotation, family revocation) commits even when the attempt fails, so the failure is decided inside
 * the transaction and thrown only after it has committed.
 */
@Service
public class AuthenticationService {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationService.class);

    private record Outcome(IssuedTokens tokens, DomainException error) {
        static Outcome ok(IssuedTokens tokens) {
            return new Outcome(tokens, null);
        }

        static Outcome fail(DomainException error) {
            return new Outcome(null, error);
        }

        IssuedTokens tokensOrThrow() {
            if (error != null) {
                throw error;
            }
            return tokens;
        }
    }

    private final LoginCandidates loginCandidates;
    private final TenantTransactions tenantTx;
    private final Users users;
    private final Roles roles;
    private final PermissionStore permissions;
    private final RefreshTokenStore refreshTokens;
    private final AccessTokens accessTokens;
    private final AccessLog accessLog;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final LoginBackoff backoff;
    private final PasswordEncoder passwords;
    private final TenantManagement tenants;
    private final java.time.Clock clock;

    /** A bcrypt hash no password matches, checked for unknown emails so they take as long as known ones. */
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$OMN6dhAB38BkpJTxMy95XeU2b5mvLgBlNC9X9AbL1O4bcMEtA8jwa";

    AuthenticationService(LoginCandidates loginCandidates, Users users, Roles roles, PermissionStore permissions,
            RefreshTokenStore refreshTokens, AccessTokens accessTokens, AccessLog accessLog, AuditTrail audit,
            LoginThrottle throttle, PasswordEncoder passwords, TenantManagement tenants,
            java.time.Clock clock, TenantTransactions tenantTx, LoginBackoff backoff) {
        this.tenantTx = tenantTx;
        this.backoff = backoff;
        this.loginCandidates = loginCandidates;
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accessLog = accessLog;
        this.audit = audit;
        this.throttle = throttle;
        this.passwords = passwords;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Whether the email exists, in one tenant or several, shows neither in the answer nor in its timing:
     * every attempt checks exactly one password hash (a dummy one for unknown emails; with several tenants
     * and no tenant named, the first one's by slug) and counts failures per account and IP alike.
     */
    public IssuedTokens login(String email, String password, String tenantSlug, ClientInfo client) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        throttle.check(client.ip(), normalized);
        backoff.check(normalized, client.ip());
        List<LoginCandidates.Account> candidates = loginCandidates.of(normalized, tenantSlug);
        if (candidates.isEmpty()) {
            passwords.matches(password, DUMMY_HASH); // same time as a real check: no probing for emails
            backoff.failed(normalized, client.ip());
            log.info("Login failed for unknown account from {}", client.ip());
            throw new AuthenticationFailedException("invalid-credentials");
        }
        LoginCandidates.Account candidate = candidates.get(0);
        boolean ambiguous = candidates.size() > 1;
        return tenantTx.call(candidate.tenantId(), status -> attempt(candidate, normalized, password, ambiguous, client))
            .tokensOrThrow();
    }

    /** With {@code ambiguous} (the email is in several tenants, none named) a right password asks for the tenant. */
    private Outcome attempt(LoginCandidates.Account candidate, String email, String password, boolean ambiguous, ClientInfo client) {
        Instant now = clock.instant();
        User user = users.findForUpdate(candidate.tenantId(), candidate.userId()).orElse(null);
        String hash = user == null || user.passwordHash() == null ? DUMMY_HASH : user.passwordHash();
        if (!passwords.matches(password, hash) || user == null || user.passwordHash() == null) {
            boolean waiting = backoff.failed(email, client.ip());
            if (user != null) {
                accessLog.record(AccessEvent.LOGIN_FAILED, user.id(), email, client);
                if (waiting) {
                    accessLog.record(AccessEvent.LOCKED, user.id(), email, client);
                    audit.security("login-backoff", user.id(), Map.of("ip", String.valueOf(client.ip())));
                }
            }
            return Outcome.fail(new AuthenticationFailedException("invalid-credentials"));
        }
        if (ambiguous) {
            return Outcome.fail(new InvalidInputException("tenant-required"));
        }
        boolean tenantActive = tenants.find(candidate.tenantId()).map(TenantSummary::active).orElse(false);
        if (!user.active() || !tenantActive) {
            accessLog.record(AccessEvent.LOGIN_FAILED, user.id(), email, client);
            return Outcome.fail(new AuthenticationFailedException("account-inactive"));
        }
        backoff.succeeded(email, client.ip());
        user.recordSuccessfulLogin(now);
        accessLog.record(AccessEvent.LOGIN, user.id(), email, client);
        return Outcome.ok(issue(user, Ids.next(), client));
    }

    public IssuedTokens refresh(String token, ClientInfo client) {
        throttle.check(client.ip(), null);
        UUID tenant = SecretTokens.tenantOf(token)
            .orElseThrow(() -> new AuthenticationFailedException("invalid-refresh-token"));
        return tenantTx.call(tenant, status -> rotate(token, client)).tokensOrThrow();
    }

    private Outcome rotate(String token, ClientInfo client) {
        RefreshTokenStore.StoredToken stored = refreshTokens.findForUpdate(token).orElse(null);
        Instant now = clock.instant();
        if (stored == null || stored.revokedAt() != null || stored.expiresAt().isBefore(now)) {
            return Outcome.fail(new AuthenticationFailedException("invalid-refresh-token"));
        }
        if (refreshTokens.sessionOver(stored, now)) {
            refreshTokens.revokeFamily(stored.familyId());
            return Outcome.fail(new AuthenticationFailedException("session-expired"));
        }
        User user = users.find(TenantContext.require(), stored.userId()).orElseThrow();
        if (stored.rotatedAt() != null && !refreshTokens.withinReuseGrace(stored, now)) {
            // a rotated token came back: someone holds a copy. End every session of this login.
            int revoked = refreshTokens.revokeFamily(stored.familyId());
            accessLog.record(AccessEvent.REFRESH_REUSED, user.id(), user.email(), client);
            audit.security("refresh-token-reused", user.id(), Map.of("family", stored.familyId().toString(),
                    "revoked", revoked, "ip", String.valueOf(client.ip())));
            return Outcome.fail(new AuthenticationFailedException("refresh-token-reused"));
        }
        boolean tenantActive = tenants.find(TenantContext.require()).map(TenantSummary::active).orElse(false);
        if (!user.active() || !tenantActive) {
            refreshTokens.revokeFamily(stored.familyId());
            return Outcome.fail(new AuthenticationFailedException("account-inactive"));
        }
        if (stored.rotatedAt() == null) {
            refreshTokens.markRotated(stored.id());
        } // else: another tab rotated it a moment ago; this one gets a sibling in the same family
        accessLog.record(AccessEvent.REFRESH, user.id(), user.email(), client);
        return Outcome.ok(issue(user, stored.familyId(), stored.familyStartedAt(), client));
    }

    /** Ends the login the refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
    public void logout(String token, ClientInfo client) {
        SecretTokens.tenantOf(token).ifPresent(tenant -> tenantTx.run(tenant, s ->
                refreshTokens.findForUpdate(token).ifPresent(stored -> {
                    refreshTokens.revokeFamily(stored.familyId());
                    users.find(tenant, stored.userId()).ifPresent(user ->
                            accessLog.record(AccessEvent.LOGOUT, user.id(), user.email(), client));
                })));
    }

    /** The tokens of a new sign-in: its refresh token starts a family (and the session's absolute lifetime). */
    private IssuedTokens issue(User user, UUID familyId, ClientInfo client) {
        return issue(user, familyId, clock.instant(), client);
    }

    private IssuedTokens issue(User user, UUID familyId, Instant familyStartedAt, ClientInfo client) {
        List<String> roleCodes = roles.findAll(user.tenantId(), permissions.roleIdsOf(user.id())).stream()
            .map(Role::code).sorted().toList();
        String access = accessTokens.issue(user.tenantId(), user.id(), roleCodes, user.permissionVersion(), familyId);
        RefreshTokenStore.Issued refresh = refreshTokens.issue(user.id(), familyId, familyStartedAt, client);
        return new IssuedTokens(access, "Bearer", accessTokens.ttlSeconds(), refresh.token(), refresh.expiresIn());
    }
}
