package com.ambiosys.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.errors.RateLimitedException;
import com.ambiosys.platform.security.RateBuckets;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The email that lets a new user choose their password. Whether it left is told, not assumed: with no SMTP
 * server (or one that refuses it) the administrator gets the link to hand over themselves, and may send again.
 * Since that link takes over the account, only who holds every permission the user would have may get it
 * (the rule of {@link GrantPolicy}, as when creating the user), a new link ends the old ones, and resends
 * of one user are limited per minute.
 */
@Service
public class Invitations {

    /** What became of an invitation: sent, or not (then {@code link} is the set-password link to hand over). */
    public record Invitation(boolean sent, String link) {
    }

    private final TenantTransactions tenantTx;
    private final Users users;
    private final PasswordResets resets;
    private final SecurityProperties settings;
    private final AuditTrail audit;
    private final GrantPolicy grantPolicy;
    private final PermissionStore permissions;
    private final RateBuckets resends = RateBuckets.refilledEveryMinute(Duration.ofMinutes(5));
    private final int resendsPerMinute;

    Invitations(TenantTransactions tenantTx, Users users, PasswordResets resets, SecurityProperties settings,
            AuditTrail audit, GrantPolicy grantPolicy, PermissionStore permissions,
            @Value("${ambiosys.security.rate-limit.invitation-resends-per-minute:3}") int resendsPerMinute) {
        this.grantPolicy = grantPolicy;
        this.permissions = permissions;
        this.resendsPerMinute = resendsPerMinute;
        this.tenantTx = tenantTx;
        this.users = users;
        this.resets = resets;
        this.settings = settings;
        this.audit = audit;
    }

    /** {@link #send} again, at most so many times a minute for one user. */
    public Invitation resend(UUID userId) {
        UUID tenant = TenantContext.require();
        ConsumptionProbe probe = resends.of(tenant + "|" + userId, resendsPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException("rate-limited",
                    Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
        }
        return send(userId);
    }

    /**
     * A new link for a user who has not chosen a password yet, mailed once its token is stored; the user's
     * unused links stop working. Refused ({@code permission-not-held}) if the caller lacks any permission
     * the user has.
     */
    public Invitation send(UUID userId) {
        UUID tenant = TenantContext.require();
        Object[] issued = tenantTx.call(tenant, status -> {
            User user = users.find(tenant, userId).orElseThrow(() -> new NotFoundException("user"));
            if (user.passwordHash() != null) {
                throw new ConflictException("invitation-accepted");
            }
            grantPolicy.holder().requireHeld(permissions.effectivePermissions(user.id()));
            resets.deleteUnusedTokens(user);
            return new Object[] { user, resets.createToken(user, settings.invitationTtl()) };
        });
        User user = (User) issued[0];
        String token = (String) issued[1];
        boolean sent = resets.mail(user, "invitation", token, settings.invitationTtl());
        tenantTx.run(tenant, status -> audit.record(AuditAction.CREATE, "user_invitation", userId, null,
                Map.of("email", user.email(), "sent", sent)));
        return new Invitation(sent, sent ? null : resets.link(token));
    }

    /** How a user who has not chosen a password stands: null (they have), PENDING (mailed), NOT_SENT (no SMTP). */
    String standing(User user) {
        if (user.passwordHash() != null) {
            return null;
        }
        return resets.mailConfigured() ? "PENDING" : "NOT_SENT";
    }
}
