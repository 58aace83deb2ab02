package com.ambiosys.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.phones.Phones;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.tenants.TenantManagement;

/**
 * The signed-in user's own account: their name, phone and language (kept with the user, so that every browser
 * they sign in from reads in it), their password, and their open sign-ins. Nobody else's: every method works on
 * the current user.
 */
@Service
public class Profiles {

    /** What a user sees and changes of themselves. */
    public record Profile(UUID id, String email, String fullName, String phone, String language, String timeZone) {
    }

    public record ProfileChanges(String fullName, String phone, Language language) {
    }

    /** An open sign-in; {@code current} for the one the request comes from. */
    public record Session(UUID id, Instant startedAt, Instant lastUsedAt, Instant expiresAt, String ip, String userAgent,
            boolean current) {
    }

    private final Users users;
    private final RefreshTokenStore refreshTokens;
    private final PasswordEncoder passwords;
    private final PrincipalLoader principals;
    private final AuditTrail audit;
    private final TenantManagement tenants;
    private final LoginBackoff backoff;
    private final Clock clock;

    Profiles(Users users, RefreshTokenStore refreshTokens, PasswordEncoder passwords, PrincipalLoader principals,
            AuditTrail audit, TenantManagement tenants, LoginBackoff backoff, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.principals = principals;
        this.audit = audit;
        this.tenants = tenants;
        this.backoff = backoff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Profile get() {
        return view(me());
    }

    /** Name, phone (the one phone rule, the tenant's country by default) and language. */
    @Transactional
    public Profile update(ProfileChanges changes) {
        User user = me();
        Profile before = view(user);
        String phone = changes.phone() == null || changes.phone().isBlank() ? null
                : Phones.require(changes.phone(), tenants.find(user.tenantId()).map(t -> t.country()).orElse("GT"));
        user.updateProfile(changes.fullName().trim(), phone, changes.language().name(), user.timeZone(), clock.instant());
        Profile after = view(user);
        audit.record(AuditAction.UPDATE, "user", user.id(), before, after);
        principals.changing(user.tenantId(), user.id()); // the cached principal carries the language
        return after;
    }

    /**
     * With the current password; ends every other sign-in of the user (this one stays). A wrong current
     * password counts as a wrong login of the account from {@code ip} ({@link LoginBackoff}): a stolen session
     * cannot guess the password here faster than at the login. The count is kept although the answer fails.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changePassword(String currentPassword, String newPassword, String ip) {
        User user = me();
        backoff.check(user.email(), ip);
        if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
            backoff.failed(user.email(), ip);
            throw new InvalidInputException("wrong-current-password");
        }
        user.changePassword(passwords.encode(newPassword), clock.instant());
        backoff.forget(user.email());
        int ended = refreshTokens.revokeAllOfExcept(user.id(), currentSession());
        audit.security("password-changed", user.id(), Map.of("sessionsEnded", ended));
    }

    @Transactional(readOnly = true)
    public List<Session> sessions() {
        UUID current = currentSession();
        return refreshTokens.openSessionsOf(me().id()).stream().map(s -> new Session(s.id(), s.startedAt(),
                s.lastUsedAt(), s.expiresAt(), s.ip(), s.userAgent(), s.id().equals(current))).toList();
    }

    /** Ends one of the user's sign-ins (another device, or this one); someone else's answers as unknown. */
    @Transactional
    public void endSession(UUID id) {
        User user = me();
        if (refreshTokens.openSessionsOf(user.id()).stream().noneMatch(s -> s.id().equals(id))) {
            throw new NotFoundException("session");
        }
        int revoked = refreshTokens.revokeFamilyOf(user.id(), id);
        audit.record(AuditAction.DELETE, "session", id, null, Map.of("userId", user.id(), "tokensRevoked", revoked));
    }

    private User me() {
        UUID id = CurrentUsers.require().userId();
        return users.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("user"));
    }

    private static Profile view(User user) {
        return new Profile(user.id(), user.email(), user.fullName(), user.phone(), user.language(), user.timeZone());
    }

    /** The sign-in of this request, named by its access token's {@code sid} claim; null for tokens without one. */
    static UUID currentSession() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getCredentials() instanceof Jwt jwt && jwt.getClaimAsString(AccessTokens.SESSION_CLAIM) != null) {
            try {
                return UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        return null;
    }
}
