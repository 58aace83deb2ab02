package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.inbox.DeliveryWriter.FullWork;
import com.ambiosys.inbox.DeliveryWriter.Inbound;
import com.ambiosys.inbox.DeliveryWriter.Tally;
import com.ambiosys.inbox.DeliveryWriter.Unattached;
import com.ambiosys.inbox.PreparedMessages.Prepared;
import com.ambiosys.inbox.WhatsAppChannels.ChannelRef;
import com.ambiosys.platform.ids.Ids;

import tools.jackson.databind.JsonNode;

/**
 * The full batch's messages, one by one: the contact upserted (a new one: is it a customer?), then the message
 * with its contact's open conversation; those without one are left to the {@link FullWork} to attach.
 */
final class FullBatchStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Conversations conversations;
    private final PreparedMessages prepared;

    FullBatchStore(JdbcClient jdbc, Clock clock, Conversations conversations, PreparedMessages prepared) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversations = conversations;
        this.prepared = prepared;
    }

    /**
     * Stores one message of a full batch (once: a duplicate counts as such): its contact first (upserted), then the
     * message; adds its contact if its processing waits, and the message to the work's unattached ones if its
     * contact has no open conversation.
     */
    void storeMessage(Inbound inbound, FullWork work) {
        if (PreparedMessages.skipped(inbound)) {
            return;
        }
        ChannelRef channel = inbound.channel();
        JsonNode message = inbound.message();
        Tally tally = inbound.tally();
        Instant now = inbound.now();
        Instant sentAt = PreparedMessages.instant(message.path("timestamp").asString(""), now);
        UUID contact = upsertContact(channel, inbound.from(), inbound.names().get(inbound.from()), sentAt, now, work);
        Prepared p = prepared.prepare(inbound, contact);
        // One statement, the function the lean batch calls too (StoreInboundCall): the message, inserted with the
        // contact's open conversation; that conversation's update; the message.new event and its NOTIFY. The
        // contact's row lock (the upsert above) orders the webhooks of one contact, and the statement's snapshot is
        // taken after it, so it sees their messages.
        // A message with nothing to fetch (not media) whose contact has nothing waiting is processed as it is
        // stored: no job, no second transaction. Media, or anything behind a contact's waiting message, is left
        // to InboundProcessing, which keeps the contact's order. Answers whether it waits and the conversation
        // updated (none: no open one, or it was resolved meanwhile); not stored: a duplicate.
        StoreInboundCall.Stored row = StoreInboundCall.store(jdbc, clock, List.of(p)).get(0);
        if (row.stored()) {
            tally.stored++;
            if (row.conversation() == null) { // no open conversation: reopen or start one (and assign it) after the rest
                work.unattached.add(new Unattached(channel, contact, p.externalId(), sentAt, p.event()));
            }
            if (row.waits()) {
                tally.contacts.add(contact);
            }
        }
        else {
            tally.duplicates++;
        }
    }

    private UUID upsertContact(ChannelRef channel, String waId, String name, Instant sentAt, Instant now, FullWork work) {
        // most messages come from a contact already known: a plain update by the unique key is a fraction of the
        // cost of an insert that conflicts (a speculative insertion into the index, then the update)
        Optional<UUID> known = jdbc.sql("""
                update inbox_contacts set name = coalesce(:name, name), last_inbound_at = greatest(last_inbound_at, :sent)
                 where tenant_id = :t and channel_id = :channel and external_id = :wa
                returning id
                """)
            .param("name", name).param("sent", Timestamp.from(sentAt)).param("t", channel.tenantId())
            .param("channel", channel.channelId()).param("wa", waId).query(UUID.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        Object[] upserted = jdbc.sql("""
                insert into inbox_contacts (tenant_id, id, channel_id, external_id, name, phone, last_inbound_at, created_at)
                values (:t, :id, :channel, :wa, :name, :phone, :sent, :now)
                on conflict (tenant_id, channel_id, external_id) do update
                   set name = coalesce(excluded.name, inbox_contacts.name),
                       last_inbound_at = greatest(inbox_contacts.last_inbound_at, excluded.last_inbound_at)
                returning id, (xmax = 0) as created
                """)
            .param("t", channel.tenantId()).param("id", Ids.next()).param("channel", channel.channelId()).param("wa", waId)
            .param("name", name).param("phone", "+" + waId).param("sent", Timestamp.from(sentAt))
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getBoolean("created") }).single();
        UUID id = (UUID) upserted[0];
        if ((Boolean) upserted[1]) {
            work.contactsCreated++;
            conversations.suggestCustomer(channel.tenantId(), id, "+" + waId); // a new contact: is it a customer?
        }
        return id;
    }
}
