package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.inbox.WhatsAppChannels.ChannelRef;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statuses of a webhook: an outbound message's status moves forward only; a status of a message not stored
 * yet waits in {@code inbox_pending_statuses} until our send stores it.
 */
final class StatusUpdates {

    // the webhook's logger, as before the split: its messages keep their category
    private static final Logger log = LoggerFactory.getLogger(WhatsAppIngest.class);

    /** Forward order of outbound statuses; FAILED is final. */
    static final List<String> STATUS_ORDER = List.of("PENDING", "SENT", "DELIVERED", "READ");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final InboxEvents events;
    private final Clock clock;

    StatusUpdates(JdbcClient jdbc, JsonMapper json, InboxEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Moves an outbound message's status forward only (sent < delivered < read; failed is final). */
    int applyStatus(ChannelRef channel, JsonNode status) {
        String externalId = status.path("id").asString("");
        String next = status.path("status").asString("").toUpperCase(java.util.Locale.ROOT);
        if (externalId.isEmpty() || (!STATUS_ORDER.contains(next) && !"FAILED".equals(next))) {
            return 0;
        }
        String error = status.path("errors").isMissingNode() || status.path("errors").isEmpty() ? null
                : json.writeValueAsString(status.path("errors"));
        int updated = moveForward(jdbc, channel.tenantId(), channel.channelId(), externalId, next, error);
        if (updated > 0) {
            events.publish(channel.tenantId(), "message.status", null, Map.of("externalId", externalId, "status", next));
            return updated;
        }
        boolean known = jdbc.sql("select count(*) from inbox_messages where tenant_id = :t and channel_id = :c and external_id = :e")
            .param("t", channel.tenantId()).param("c", channel.channelId()).param("e", externalId).query(Long.class)
            .single() > 0;
        if (!known) { // perhaps our send has not stored this id yet: it waits to be applied then
            jdbc.sql("""
                    insert into inbox_pending_statuses (tenant_id, channel_id, external_id, status, error, received_at)
                    values (:t, :c, :e, :s, cast(:error as jsonb), :now) on conflict do nothing
                    """).param("t", channel.tenantId()).param("c", channel.channelId()).param("e", externalId)
                .param("s", next).param("error", error).param("now", Timestamp.from(clock.instant())).update();
        }
        else {
            log.debug("WhatsApp status {} for {} ignored (not a step forward)", next, externalId);
        }
        return 0;
    }

    /** The forward-only update of an outbound message's status; answers the rows changed (0 or 1). */
    static int moveForward(JdbcClient jdbc, UUID tenant, UUID channel, String externalId, String next, String error) {
        return jdbc.sql("""
                update inbox_messages set status = :next, error = coalesce(cast(:error as jsonb), error)
                 where tenant_id = :t and channel_id = :channel and external_id = :external and direction = 'OUT'
                   and status <> 'FAILED'
                   and (:next = 'FAILED' or array_position(cast(:order as text[]), status) < array_position(cast(:order as text[]), cast(:next as text)))
                """)
            .param("next", next).param("error", error).param("t", tenant).param("channel", channel)
            .param("external", externalId).param("order", STATUS_ORDER.toArray(String[]::new)).update();
    }
}
