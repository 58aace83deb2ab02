package com.ambiosys.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user of a request, re-checked against the database (cached for seconds):
 * still active, in an active tenant, with the permissions they have now.
 */
public record CurrentUser(UUID tenantId, UUID userId, String email, String fullName, String language,
        long permissionVersion, Set<String> permissions) {

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
