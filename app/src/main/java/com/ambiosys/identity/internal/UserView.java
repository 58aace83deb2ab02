package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user as the administration API shows it. */
public record UserView(UUID id, String email, String fullName, String phone, UserStatus status, String language,
        String timeZone, List<RoleRef> roles, Map<String, String> permissionOverrides, Set<String> effectivePermissions,
        long permissionVersion, Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    public record RoleRef(UUID id, String code, String name) {
    }
}
