package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells WhatsApp that the contact's messages were read (the contact sees blue ticks) when an agent opens their
 * conversation: Meta's {@code POST /{phone-number-id}/messages} with {@code {"status":"read","message_id":...}} for
 * the latest unread one, which marks the earlier ones read too. A message counts as read here only once Meta took
 * the receipt or refused it for good (a 4xx other than 429: it would refuse it again, at every opening), so a
 * receipt that failed for now (5xx, 429, no answer) goes again the next time the conversation is opened.
 */
@Service
public class ReadReceipts {

    private static final Logger log = LoggerFactory.getLogger(ReadReceipts.class);

    /** @param read how many of the contact's messages became read */
    public record Receipt(int read) {
    }

    private record Latest(UUID channelId, String phoneNumberId, String externalId, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final TenantTransactions tx;
    private final Channels channels;
    private final MetaGraph graph;
    private final JsonMapper json;

    ReadReceipts(JdbcClient jdbc, TenantTransactions tx, Channels channels, MetaGraph graph, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.channels = channels;
        this.graph = graph;
        this.json = json;
    }

    /** An agent has the conversation open: the contact's messages not yet read are reported read to WhatsApp. */
    public Receipt conversationOpened(UUID conversationId) {
        UUID tenant = TenantContext.require();
        UUID contactId = tx.read(tenant, s -> jdbc.sql("select contact_id from inbox_conversations where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", conversationId).query(UUID.class).optional())
            .orElseThrow(() -> new NotFoundException("conversation"));
        java.util.Optional<Latest> unread = tx.read(tenant, s -> jdbc.sql("""
                select m.channel_id, c.phone_number_id, m.external_id, m.sent_at
                  from inbox_messages m join inbox_channels c on c.tenant_id = m.tenant_id and c.id = m.channel_id
                 where m.tenant_id = :t and m.contact_id = :contact and m.direction = 'IN' and m.status = 'RECEIVED'
                   and m.external_id is not null
                 order by m.sent_at desc, m.id desc limit 1
                """).param("t", tenant).param("contact", contactId)
            .query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            .optional());
        if (unread.isEmpty() || !reported(tenant, unread.get())) {
            return new Receipt(0);
        }
        Latest latest = unread.get();
        int read = tx.call(tenant, s -> jdbc.sql("""
                update inbox_messages set status = 'READ'
                 where tenant_id = :t and contact_id = :contact and direction = 'IN' and status = 'RECEIVED'
                   and sent_at <= :at
                """).param("t", tenant).param("contact", contactId).param("at", Timestamp.from(latest.sentAt()))
            .update());
        return new Receipt(read);
    }

    /** Meta's answer to the receipt: true when it took it or refused it for good (then it is read here only). */
    private boolean reported(UUID tenant, Latest latest) {
        MetaGraph.Access access = tx.read(tenant, s -> channels.graphAccess(latest.channelId()));
        String body = json.writeValueAsString(Map.of("messaging_product", "whatsapp", "status", "read",
                "message_id", latest.externalId()));
        try {
            MetaGraph.SendAnswer answer = graph.sendMessage(access, latest.phoneNumberId(), body);
            if (answer.status() / 100 == 2) {
                return true;
            }
            if (answer.status() / 100 == 4 && answer.status() != 429) {
                log.warn("WhatsApp refused the read receipt of {} for good, marked read here only: HTTP {} {}",
                        latest.externalId(), answer.status(), answer.body());
                return true;
            }
            log.warn("WhatsApp did not take the read receipt of {}: HTTP {} {}", latest.externalId(), answer.status(),
                    answer.body());
        }
        catch (MetaGraph.GraphException ex) {
            log.warn("WhatsApp did not answer the read receipt of {}: {}", latest.externalId(), ex.getMessage());
        }
        return false;
    }
}
