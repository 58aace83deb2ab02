package com.ambiosys.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit log; null means any. */
public record AuditQuery(String entityType, String entityId, UUID actorId, AuditAction action, Instant from,
        Instant to) {
}
