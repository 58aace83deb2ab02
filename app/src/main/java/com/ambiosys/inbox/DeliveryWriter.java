package com.ambiosys.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.ambiosys.inbox.WhatsAppChannels.ChannelRef;
import com.ambiosys.inbox.WhatsAppIngest.Change;
import com.ambiosys.inbox.WhatsAppIngest.Delivery;
import com.ambiosys.inbox.WhatsAppIngest.Written;

import tools.jackson.databind.JsonNode;

/**
 * Writes a tenant's deliveries in the caller's transaction: their messages by the lean or the full batch, the
 * conversations a full batch must reopen or start, then their statuses; answers what each delivery did.
 */
final class DeliveryWriter {

    private final LeanBatchStore leanStore;
    private final FullBatchStore fullStore;
    private final StatusUpdates statusUpdates;
    private final Conversations conversations;
    private final InboxEvents events;

    DeliveryWriter(LeanBatchStore leanStore, FullBatchStore fullStore, StatusUpdates statusUpdates,
            Conversations conversations, InboxEvents events) {
        this.leanStore = leanStore;
        this.fullStore = fullStore;
        this.statusUpdates = statusUpdates;
        this.conversations = conversations;
        this.events = events;
    }

    /** What a full batch did that a lean one cannot: contacts created, messages that found no open conversation. */
    static final class FullWork {
        int contactsCreated;
        final List<Unattached> unattached = new ArrayList<>();

        boolean needed() {
            return contactsCreated > 0 || !unattached.isEmpty();
        }
    }

    /** A message to store and whose tally it counts in. */
    record Inbound(Tally tally, ChannelRef channel, Map<String, String> names, JsonNode message, Instant now,
            String from) {
    }

    /** A status to apply and whose tally it counts in. */
    record StatusChange(Tally tally, ChannelRef channel, JsonNode status, String externalId) {
    }

    static final class Tally {
        int stored;
        int duplicates;
        int statuses;
        final Set<UUID> contacts = new LinkedHashSet<>();
    }

    /** A new message that found no open conversation of its contact: attached once every message is stored. */
    record Unattached(ChannelRef channel, UUID contact, String externalId, Instant sentAt,
            Map<String, Object> event) {
    }

    /**
     * Stores the deliveries' messages, then applies their statuses, in the caller's transaction. Messages are taken
     * by channel and sender, in arrival order for each sender, and statuses by channel and message id: every batch
     * locks contact rows (the per-contact lock) and messages in the same order, so concurrent batches cannot
     * deadlock, and a contact's messages are stored in the order they came. The conversations to reopen or start
     * (a full batch only) come after all the messages: their assignment locks the tenant's round-robin cursor, and
     * a batch that held the cursor while waiting for a contact row could deadlock with one holding that row and
     * waiting for the cursor. So no transaction waits for a contact row while it holds the cursor.
     */
    List<Written> writeTogether(List<Delivery> deliveries, boolean lean, FullWork work) {
        List<Tally> tallies = new ArrayList<>(deliveries.size());
        List<Inbound> messages = new ArrayList<>();
        List<StatusChange> statusChanges = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            Tally tally = new Tally();
            tallies.add(tally);
            for (Change change : delivery.changes()) {
                Map<String, String> names = new LinkedHashMap<>();
                for (JsonNode contact : change.value().path("contacts")) {
                    names.put(contact.path("wa_id").asString(""), contact.path("profile").path("name").asString(null));
                }
                for (JsonNode message : change.value().path("messages")) {
                    messages.add(new Inbound(tally, change.channel(), names, message, delivery.now(),
                            message.path("from").asString("")));
                }
                for (JsonNode status : change.value().path("statuses")) {
                    statusChanges.add(new StatusChange(tally, change.channel(), status, status.path("id").asString("")));
                }
            }
        }
        // stable sorts: arrival order is kept within a sender (and within a message id). Senders in PostgreSQL's order
        // (a UUID's text compares as its bytes; the ids are ASCII, compared as "C"), which lockContacts uses too
        messages.sort(Comparator.comparing((Inbound m) -> m.channel().channelId().toString()).thenComparing(Inbound::from));
        statusChanges.sort(Comparator.comparing((StatusChange c) -> c.channel().channelId())
            .thenComparing(StatusChange::externalId));
        if (lean) {
            leanStore.storeLean(messages, leanStore.lockContacts(messages));
        }
        else {
            for (Inbound message : messages) {
                fullStore.storeMessage(message, work);
            }
        }
        for (Unattached message : work.unattached) { // in the messages' order: a contact's conversation, then the rest
            UUID conversation = conversations.attachInbound(message.channel().tenantId(), message.channel().channelId(),
                    message.contact(), message.externalId(), message.sentAt());
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("conversationId", conversation);
            full.putAll(message.event());
            events.publish(message.channel().tenantId(), "message.new", conversation, full);
        }
        for (StatusChange change : statusChanges) {
            change.tally().statuses += statusUpdates.applyStatus(change.channel(), change.status());
        }
        return tallies.stream().map(t -> new Written(t.stored, t.duplicates, t.statuses, t.contacts)).toList();
    }
}
