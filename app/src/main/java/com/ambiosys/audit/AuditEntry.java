package com.ambiosys.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of the audit log as the API shows it; before, after and changes are JSON. {@code actorName} is who
 * {@code actorId} is (null for the system, or when nobody can name them).
 */
public record AuditEntry(UUID id, Instant occurredAt, UUID actorId, String actorName, AuditAction action,
        String entityType, String entityId, String summary, Object before, Object after, Object changes,
        String requestId) {

    AuditEntry named(Map<UUID, String> names) {
        return new AuditEntry(id, occurredAt, actorId, actorId == null ? null : names.get(actorId), action, entityType,
                entityId, summary, before, after, changes, requestId);
    }
}
