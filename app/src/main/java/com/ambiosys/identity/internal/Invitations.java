package com.ambiosys.identity.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The email that lets a new user choose their password. Whether it left is told, not assumed: with no SMTP
 * server (or one that refuses it) the administrator gets the link to hand over themselves, and may send again.
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

    Invitations(TenantTransactions tenantTx, Users users, PasswordResets resets, SecurityProperties settings,
            AuditTrail audit) {
        this.tenantTx = tenantTx;
        this.users = users;
        this.resets = resets;
        this.settings = settings;
        this.audit = audit;
    }

    /** A new link for a user who has not chosen a password yet, mailed once its token is stored. */
    public Invitation send(UUID userId) {
        UUID tenant = TenantContext.require();
        Object[] issued = tenantTx.call(tenant, status -> {
            User user = users.find(tenant, userId).orElseThrow(() -> new NotFoundException("user"));
            if (user.passwordHash() != null) {
                throw new ConflictException("invitation-accepted");
            }
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
