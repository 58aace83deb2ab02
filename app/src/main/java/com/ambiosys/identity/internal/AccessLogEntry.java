package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.UUID;

public record AccessLogEntry(UUID id, Instant occurredAt, UUID userId, String email, AccessEvent event, String ip,
        String userAgent) {
}
