package com.ambiosys.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.logging.Redaction;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.RequestIdFilter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes audit rows. Before and after are snapshots (records or maps) serialized to JSON; the row
 * also stores which fields changed. Sensitive fields are redacted before anything is stored.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A create, update or delete of an entity by the current user, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String entityType, Object entityId, Object before, Object after) {
        write(action, entityType, entityId, null, before, after, actorId());
    }

    /** A security event (login failure, lockout, token reuse, ...), with the user it concerns if known. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void security(String event, UUID userId, Map<String, ?> details) {
        write(AuditAction.SECURITY, "security", userId, event, null, details, actorId() != null ? actorId() : userId);
    }

    private void write(AuditAction action, String entityType, Object entityId, String summary, Object before,
            Object after, UUID actor) {
        JsonNode beforeNode = snapshot(before);
        JsonNode afterNode = snapshot(after);
        JsonNode changes = action == AuditAction.UPDATE ? diff(beforeNode, afterNode) : null;
        if (action == AuditAction.UPDATE && changes != null && changes.isEmpty()) {
            return; // nothing changed: nothing to audit
        }
        jdbc.sql("""
                insert into audit_log (tenant_id, id, occurred_at, actor_id, action, entity_type, entity_id, summary,
                                       before, after, changes, request_id)
                values (:tenant, :id, :at, :actor, :action, :type, :entityId, :summary,
                        cast(:before as jsonb), cast(:after as jsonb), cast(:changes as jsonb), :requestId)
                """)
            .param("tenant", TenantContext.require())
            .param("id", Ids.next())
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .param("actor", actor)
            .param("action", action.name())
            .param("type", entityType)
            .param("entityId", entityId == null ? null : entityId.toString())
            .param("summary", summary)
            .param("before", text(beforeNode))
            .param("after", text(afterNode))
            .param("changes", text(changes))
            .param("requestId", RequestIdFilter.current())
            .update();
    }

    private static UUID actorId() {
        return CurrentUsers.current().map(u -> u.userId()).orElse(null);
    }

    private JsonNode snapshot(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node = json.valueToTree(value);
        redact(node);
        return node;
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                if (Redaction.isSensitive(name)) {
                    object.put(name, Redaction.MASK);
                }
                else {
                    redact(object.get(name));
                }
            }
        }
        else if (node != null && node.isArray()) {
            node.forEach(AuditTrail::redact);
        }
    }

    private JsonNode diff(JsonNode before, JsonNode after) {
        ObjectNode changes = json.createObjectNode();
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return changes;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        before.propertyNames().forEach(names::add);
        after.propertyNames().forEach(names::add);
        for (String name : names) {
            JsonNode old = before.get(name);
            JsonNode now = after.get(name);
            if (old == null ? now != null : !old.equals(now)) {
                ObjectNode change = changes.putObject(name);
                change.set("from", old);
                change.set("to", now);
            }
        }
        return changes;
    }

    private String text(JsonNode node) {
        return node == null ? null : json.writeValueAsString(node);
    }
}
