package com.ambiosys.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit log as the API shows it; before, after and changes are JSON. */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, AuditAction action, String entityType,
        String entityId, String summary, Object before, Object after, Object changes, String requestId) {
}
