package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records an inbox event in the caller's transaction and announces it with {@code NOTIFY}, which
 * PostgreSQL delivers to every listening instance only when the transaction commits. The notification carries
 * {@code tenant:id} and nothing else: any session of the database role may {@code LISTEN}, and row-level
 * security does not reach a notification, so a message's text travels only in rows read in its tenant.
 */
@Component
class InboxEvents {

    /** An event as the stream sends it. */
    public record Event(long id, UUID tenantId, String kind, UUID conversationId, String payload, Instant createdAt) {
    }

    static final String CHANNEL = "inbox_events";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    InboxEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @param kind {@code message.new}, {@code message.status}, {@code conversation.updated} or {@code conversation.assigned} */
    void publish(UUID tenant, String kind, UUID conversationId, Map<String, ?> payload) {
        String data = json.writeValueAsString(payload);
        // one statement: the insert and its NOTIFY (a round trip less per event on the webhook's path)
        jdbc.sql("""
                with e as (insert into inbox_events (tenant_id, kind, conversation_id, payload, created_at)
                           values (:t, :kind, :conv, cast(:payload as jsonb), :now) returning id)
                select pg_notify(:channel, cast(:t as text) || ':' || e.id) from e
                """).param("t", tenant).param("kind", kind).param("conv", conversationId).param("payload", data)
            .param("now", Timestamp.from(clock.instant())).param("channel", CHANNEL)
            .query(String.class).list();
    }

    /** The tenant's events after {@code afterId} (at most {@code limit}), oldest first: what a reconnecting client missed. */
    List<Event> after(UUID tenant, long afterId, int limit) {
        return jdbc.sql("""
                select id, kind, conversation_id, payload::text, created_at from inbox_events
                 where tenant_id = :t and id > :after order by id limit :limit
                """).param("t", tenant).param("after", afterId).param("limit", limit)
            .query((rs, n) -> new Event(rs.getLong(1), tenant, rs.getString(2), rs.getObject(3, UUID.class),
                    json.writeValueAsString(json.readTree(rs.getString(4))), rs.getTimestamp(5).toInstant()))
            .list();
    }

    /** The tenant's events of these ids, oldest first: what the notifications of a moment announced. */
    List<Event> of(UUID tenant, Collection<Long> ids) {
        return jdbc.sql("""
                select id, kind, conversation_id, payload::text, created_at from inbox_events
                 where tenant_id = :t and id = any(cast(:ids as bigint[])) order by id
                """).param("t", tenant).param("ids", ids.toArray(Long[]::new))
            .query((rs, n) -> new Event(rs.getLong(1), tenant, rs.getString(2), rs.getObject(3, UUID.class),
                    json.writeValueAsString(json.readTree(rs.getString(4))), rs.getTimestamp(5).toInstant()))
            .list();
    }
}
