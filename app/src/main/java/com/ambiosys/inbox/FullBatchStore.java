package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
        // One statement: the message, inserted with the contact's open conversation; that conversation's update;
        // the message.new event and its NOTIFY (inbox_store_inbound does the same for a lean batch). Not that
        // function itself: it updates the contact row again, after the upsert, and with lean batches storing at the
        // same time that turned into lock waits of 3 s at 1 000 messages/s (bench/inbox-webhooks.sh, ack p99 2.9 s
        // instead of 14 ms; see docs/performance-history.md, 2026-12-06). The
        // contact's row lock (the upsert above) orders the webhooks of one contact, and this statement's snapshot is
        // taken after it, so it sees their messages.
        // A message with nothing to fetch (not media) whose contact has nothing waiting is processed as it is
        // stored: no job, no second transaction. Media, or anything behind a contact's waiting message, is left
        // to InboundProcessing, which keeps the contact's order. Answers whether it waits and the conversation
        // updated (none: no open one, or it was resolved meanwhile); no row: a duplicate.
        Optional<Object[]> row = insertMessage(channel, contact, p, sentAt, now);
        if (row.isPresent()) {
            tally.stored++;
            if (row.get()[1] == null) { // no open conversation: reopen or start one (and assign it) after the rest
                work.unattached.add(new Unattached(channel, contact, p.externalId(), sentAt, p.event()));
            }
            if ((Boolean) row.get()[0]) {
                tally.contacts.add(contact);
            }
        }
        else {
            tally.duplicates++;
        }
    }

    /** The message's statement (why: {@link #storeMessage}): whether it waits, its conversation; none: a duplicate. */
    private Optional<Object[]> insertMessage(ChannelRef channel, UUID contact, Prepared p, Instant sentAt,
            Instant now) {
        return jdbc.sql("""
                with m as (
                    insert into inbox_messages (tenant_id, id, channel_id, contact_id, conversation_id, direction,
                        external_id, type, body, payload, context_id, sent_at, received_at, status, processed_at)
                    values (:t, :id, :channel, :contact,
                        (select v.id from inbox_conversations v
                          where v.tenant_id = :t and v.contact_id = :contact and v.status <> 'RESOLVED'),
                        'IN', :external, :type, :body, cast(:payload as jsonb), :context, :sent, :now, 'RECEIVED',
                        case when :media or exists (select 1 from inbox_messages w
                                                     where w.tenant_id = :t and w.contact_id = :contact
                                                       and w.direction = 'IN' and w.processed_at is null)
                             then null else cast(:now as timestamptz) end)
                    on conflict (tenant_id, channel_id, external_id) do nothing
                    returning conversation_id, processed_at is null as waits),
                c as (
                    update inbox_conversations v
                       set status = case when v.status = 'SNOOZED' then 'OPEN' else v.status end,
                           snoozed_until = case when v.status = 'SNOOZED' then null else v.snoozed_until end,
                           last_message_at = greatest(v.last_message_at, :sent), updated_at = :now
                      from m
                     where v.tenant_id = :t and v.id = m.conversation_id and v.status <> 'RESOLVED'
                    returning v.id, '{"conversationId":"' || v.id || '",' || :rest as data),
                e as (
                    insert into inbox_events (tenant_id, kind, conversation_id, payload, created_at)
                    select :t, 'message.new', c.id, cast(c.data as jsonb), :eventAt from c
                    returning id)
                select m.waits, c.id,
                       case when e.id is not null
                            then pg_notify(:notifyChannel, cast(:t as text) || ':' || e.id)
                       end
                  from m left join c on true left join e on true
                """)
            .param("t", channel.tenantId()).param("id", Ids.next()).param("channel", channel.channelId())
            .param("contact", contact).param("external", p.externalId()).param("type", p.type())
            .param("body", p.text()).param("payload", p.payload()).param("context", p.context())
            .param("sent", Timestamp.from(sentAt)).param("now", Timestamp.from(now))
            .param("media", p.media()).param("rest", p.rest())
            .param("eventAt", Timestamp.from(clock.instant())).param("notifyChannel", InboxEvents.CHANNEL)
            .query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getObject(2, UUID.class) }).optional();
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
