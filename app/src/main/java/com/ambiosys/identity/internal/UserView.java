package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A user as the administration API shows it. {@code invitation}: null once the user chose a password, else PENDING
 * (the invitation was mailed) or NOT_SENT (no SMTP server). {@code invitationSent} and {@code invitationLink} only
 * in the answer that sent an invitation: whether it left, and if not the set-password link to hand over.
 */
public record UserView(UUID id, String email, String fullName, String phone, UserStatus status, String language,
        String timeZone, List<RoleRef> roles, Map<String, String> permissionOverrides, Set<String> effectivePermissions,
        long permissionVersion, Instant lastLoginAt, Instant createdAt, Instant updatedAt, String invitation,
        Boolean invitationSent, String invitationLink) {

    /** This view as the answer of a request that sent an invitation. */
    public UserView withInvitation(Invitations.Invitation sent) {
        return new UserView(id, email, fullName, phone, status, language, timeZone, roles, permissionOverrides,
                effectivePermissions, permissionVersion, lastLoginAt, createdAt, updatedAt,
                sent.sent() ? "PENDING" : "NOT_SENT", sent.sent(), sent.link());
    }

    public record RoleRef(UUID id, String code, String name) {
    }
}
