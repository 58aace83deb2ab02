package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** A user in a list; {@code invitation} as in {@link UserView}. */
public record UserSummary(UUID id, String email, String fullName, UserStatus status, String language,
        Instant lastLoginAt, Instant createdAt, String invitation) {
}
