package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A role as the administration API shows it. */
public record RoleView(UUID id, String code, String name, String description, boolean system, Set<String> permissions,
        long userCount, Instant createdAt, Instant updatedAt) {
}
