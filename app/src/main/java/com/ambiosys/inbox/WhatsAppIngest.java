package com.ambiosys.inbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.ambiosys.inbox.WhatsAppChannels.ChannelRef;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantTransactions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes WhatsApp Cloud API webhooks: checks {@code X-Hub-Signature-256} over the raw body in constant
 * time, picks tenant and channel by {@code phone_number_id}, and stores every message of every entry and
 * change exactly once (unique on channel and message id) and every status forward only, in the
 * tenant's transaction. It answers only after the commit; the caller turns a database failure into 503.
 * Concurrent POSTs of a tenant share transactions (group commit, {@link WebhookBatcher}): one commit and one WAL
 * flush for all the POSTs that arrived while the previous batch was written.
 */
@Service
public class WhatsAppIngest {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppIngest.class);

    /** Message types kept as they are; any other is stored as {@code unsupported}, never dropped. */
    static final Set<String> KNOWN_TYPES = Set.of("text", "interactive", "button", "image", "document", "audio", "video",
            "sticker", "location");

    /** Forward order of outbound statuses; FAILED is final. */
    static final List<String> STATUS_ORDER = List.of("PENDING", "SENT", "DELIVERED", "READ");

    public enum Outcome {
        STORED, UNAUTHORIZED
    }

    /** What one POST did: messages stored (new ones), duplicates skipped, statuses applied. */
    public record Result(Outcome outcome, int stored, int duplicates, int statuses) {
    }

    /** One HMAC-SHA256 per request thread: {@code Mac.getInstance} looks the provider up every time. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    });

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WhatsAppChannels webhookChannels;
    private final TenantTransactions tx;
    private final Clock clock;
    private final InboundProcessing processing;
    private final Conversations conversations;
    private final InboxEvents events;
    /**
     * Tenants whose last full batch created contacts or conversations: their next batch is written in full at once,
     * instead of first trying the lean transaction, which a wave of new contacts would roll back batch after batch.
     * A full batch that needed nothing of the kind takes the tenant back to lean batches.
     */
    private final Set<UUID> startFull = ConcurrentHashMap.newKeySet();
    /** Group commit of concurrent deliveries (null: each POST in a transaction of its own). */
    private final WebhookBatcher<Delivery, Written> batcher;

    /**
     * @param batch {@code ambiosys.inbox.webhook-batch.enabled}: concurrent deliveries of a tenant written in one
     *        transaction ({@link WebhookBatcher}): at most {@code max-size} (100) deliveries, a new batch waiting up
     *        to {@code max-wait} (2 ms) for company, at most {@code writers} (2) batches of a tenant at a time
     */
    WhatsAppIngest(JdbcClient jdbc, JsonMapper json, WhatsAppChannels webhookChannels, TenantTransactions tx, Clock clock,
            InboundProcessing processing, Conversations conversations, InboxEvents events,
            @Value("${ambiosys.inbox.webhook-batch.enabled:true}") boolean batch,
            @Value("${ambiosys.inbox.webhook-batch.max-size:100}") int batchMaxSize,
            @Value("${ambiosys.inbox.webhook-batch.max-wait:2ms}") Duration batchMaxWait,
            @Value("${ambiosys.inbox.webhook-batch.writers:2}") int batchWriters) {
        this.batcher = batch ? new WebhookBatcher<>(this::write, WhatsAppIngest::unavailable, batchMaxSize, batchMaxWait,
                batchWriters) : null;
        this.events = events;
        this.processing = processing;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.json = json;
        this.webhookChannels = webhookChannels;
        this.tx = tx;
        this.clock = clock;
    }

    /** The verification handshake: the channels whose verify token this is (none: 403). */
    public boolean verifyTokenKnown(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return !jdbc.sql("select tenant_id from inbox_whatsapp_channels_by_verify_token(:h)")
            .param("h", Channels.sha256(token)).query(UUID.class).list().isEmpty();
    }

    public Result ingest(byte[] body, String signatureHeader) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (RuntimeException ex) {
            return new Result(Outcome.UNAUTHORIZED, 0, 0, 0); // cannot even name its channel: not authenticated
        }
        Map<String, Optional<ChannelRef>> channels = new LinkedHashMap<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String phoneNumberId = change.path("value").path("metadata").path("phone_number_id").asString("");
                if (!phoneNumberId.isEmpty()) {
                    channels.computeIfAbsent(phoneNumberId, webhookChannels::find);
                }
            }
        }
        List<ChannelRef> known = channels.values().stream().flatMap(Optional::stream).toList();
        // every channel the body names must be known and the signature must match each one's app secret
        if (known.isEmpty() || known.size() != channels.size()
                || !known.stream().allMatch(c -> signatureMatches(body, signatureHeader, c.signingKey()))) {
            return new Result(Outcome.UNAUTHORIZED, 0, 0, 0);
        }
        Instant now = clock.instant();
        Map<UUID, List<Change>> byTenant = new LinkedHashMap<>(); // one in practice: a number belongs to one tenant
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                ChannelRef channel = channels.get(value.path("metadata").path("phone_number_id").asString("")).orElse(null);
                if (channel != null && channel.active()) {
                    byTenant.computeIfAbsent(channel.tenantId(), t -> new ArrayList<>()).add(new Change(channel, value));
                }
            }
        }
        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        // inside a caller's transaction (the demo) the changes join it, as before; otherwise they are written with
        // the tenant's other deliveries of the moment, in one transaction
        boolean joining = TransactionSynchronizationManager.isActualTransactionActive();
        for (Map.Entry<UUID, List<Change>> tenant : byTenant.entrySet()) {
            Delivery delivery = new Delivery(tenant.getValue(), now);
            Written written = joining
                    ? tx.call(tenant.getKey(), status -> writeTogether(List.of(delivery), false, new FullWork()).get(0))
                    : batcher != null ? batcher.submit(tenant.getKey(), delivery)
                    : write(tenant.getKey(), List.of(delivery)).get(0);
            // after the transaction has ended and given its connection back: scheduling takes one of its own, and
            // asking for a second connection while holding the first deadlocks the pool under load
            scheduleProcessing(tenant.getKey(), written.contacts());
            stored += written.stored();
            duplicates += written.duplicates();
            statuses += written.statuses();
        }
        return new Result(Outcome.STORED, stored, duplicates, statuses);
    }

    /** A change of a webhook (its {@code value}) and its channel. */
    record Change(ChannelRef channel, JsonNode value) {
    }

    /** What one POST brings for one tenant: its changes, received at {@code now}. */
    record Delivery(List<Change> changes, Instant now) {
    }

    /** What writing a delivery did: new messages, duplicates, statuses applied; contacts whose processing waits. */
    record Written(int stored, int duplicates, int statuses, Set<UUID> contacts) {
    }

    /**
     * Writes a tenant's deliveries in one transaction (the {@link WebhookBatcher}'s writer): a JDBC-only one for
     * known contacts with an open conversation, the full one if any message needs more.
     */
    private List<Written> write(UUID tenant, List<Delivery> deliveries) {
        if (!startFull.contains(tenant)) {
            try {
                return tx.callJdbc(tenant, status -> writeTogether(deliveries, true, new FullWork()));
            }
            catch (NeedsFullTransaction ex) {
                // rolled back: a new contact or conversation, done in full below
            }
        }
        // no lock of the tenant around it: full batches run side by side as lean ones do (writeTogether's order of
        // locks: every contact row first, the assignment cursor last); generic plans, as in the lean transaction
        FullWork work = new FullWork();
        List<Written> written = tx.call(tenant, status -> {
            jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true)").query(String.class).single();
            return writeTogether(deliveries, false, work);
        });
        if (work.needed()) {
            startFull.add(tenant);
        }
        else {
            startFull.remove(tenant);
        }
        return written;
    }

    /** What a full batch did that a lean one cannot: contacts created, messages that found no open conversation. */
    private static final class FullWork {
        int contactsCreated;
        final List<Unattached> unattached = new ArrayList<>();

        boolean needed() {
            return contactsCreated > 0 || !unattached.isEmpty();
        }
    }

    /** The database cannot be reached: the whole batch answers 503, no use trying its deliveries one by one. */
    static boolean unavailable(RuntimeException ex) {
        return ex instanceof DataAccessResourceFailureException || ex instanceof CannotCreateTransactionException;
    }

    /** A message to store and whose tally it counts in. */
    private record Inbound(Tally tally, ChannelRef channel, Map<String, String> names, JsonNode message, Instant now,
            String from) {
    }

    /** A status to apply and whose tally it counts in. */
    private record StatusChange(Tally tally, ChannelRef channel, JsonNode status, String externalId) {
    }

    private static final class Tally {
        int stored;
        int duplicates;
        int statuses;
        final Set<UUID> contacts = new LinkedHashSet<>();
    }

    /** A new message that found no open conversation of its contact: attached once every message is stored. */
    private record Unattached(ChannelRef channel, UUID contact, String externalId, Instant sentAt,
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
    private List<Written> writeTogether(List<Delivery> deliveries, boolean lean, FullWork work) {
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
            storeLean(messages, lockContacts(messages));
        }
        else {
            for (Inbound message : messages) {
                storeMessage(message, work);
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
            change.tally().statuses += applyStatus(change.channel(), change.status());
        }
        return tallies.stream().map(t -> new Written(t.stored, t.duplicates, t.statuses, t.contacts)).toList();
    }

    static boolean signatureMatches(byte[] body, String header, SecretKeySpec key) {
        if (header == null || !header.startsWith("sha256=") || key == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(7).trim());
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        Mac mac = MACS.get();
        try {
            mac.init(key);
        }
        catch (InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
        return MessageDigest.isEqual(mac.doFinal(body), given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The processing of the contacts whose new messages were just committed. A failure here does not fail the
     * webhook (the messages are stored): the sweep schedules contacts with waiting messages again.
     */
    private void scheduleProcessing(UUID tenant, Set<UUID> contacts) {
        for (UUID contact : contacts) {
            try {
                processing.schedule(tenant, contact);
            }
            catch (RuntimeException ex) {
                log.warn("Processing of contact {} not scheduled, the sweep will: {}", contact, ex.getMessage());
            }
        }
    }

    /**
     * Thrown in a JDBC-only transaction ({@link TenantTransactions#callJdbc}) by work that needs more: a new
     * contact (is it a customer?) or a contact without an open conversation (reopen or start one, assign it) call
     * {@code @Transactional} services. The transaction rolls back and the change is stored again in a full one.
     */
    static final class NeedsFullTransaction extends RuntimeException {
        NeedsFullTransaction() {
            super("needs a full transaction", null, false, false);
        }
    }

    /**
     * The lean batch's first statement: locks the contact rows of all its senders at once, in the senders' order (so
     * batches cannot deadlock, and a full batch, which locks them one by one in the same order, neither), and answers
     * their ids by channel and sender. A sender without a contact needs the full transaction.
     */
    private Map<String, UUID> lockContacts(List<Inbound> messages) {
        List<UUID> channels = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Inbound m : messages) {
            if (!m.from().isEmpty() && seen.add(senderKey(m.channel().channelId(), m.from()))) {
                channels.add(m.channel().channelId());
                senders.add(m.from());
            }
        }
        if (senders.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("""
                select k.id, k.channel_id, k.external_id from inbox_contacts k
                 where k.tenant_id = :t
                   and (k.channel_id, k.external_id) in (select * from unnest(cast(:channels as uuid[]), cast(:senders as text[])))
                 order by k.channel_id, k.external_id collate "C"
                   for update of k
                """)
            .param("t", messages.get(0).channel().tenantId()).param("channels", channels.toArray(UUID[]::new))
            .param("senders", senders.toArray(String[]::new))
            .query(rs -> {
                ids.put(senderKey(rs.getObject(2, UUID.class), rs.getString(3)), rs.getObject(1, UUID.class));
            });
        if (ids.size() < seen.size()) {
            throw new NeedsFullTransaction(); // a new contact
        }
        return ids;
    }

    private static String senderKey(UUID channel, String from) {
        return channel + "/" + from;
    }

    /** A message ready to store: its contact and what the statements write. */
    private record Prepared(Inbound inbound, UUID contact, String externalId, Instant sentAt, String name, String type,
            String text, Map<String, Object> event, String rest, boolean media, String payload, String context) {
    }

    /** What a message's statements write. */
    private Prepared prepare(Inbound inbound, UUID contact) {
        JsonNode message = inbound.message();
        String externalId = message.path("id").asString("");
        Instant sentAt = instant(message.path("timestamp").asString(""), inbound.now());
        String type = message.path("type").asString("unsupported");
        String storedType = KNOWN_TYPES.contains(type) ? type : "unsupported";
        String text = body(message, type);
        // the event without its conversation, which the statement puts first: the same JSON as a map of
        // conversationId, contactId, direction, externalId, type, body, sentAt written by Jackson
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("contactId", contact);
        event.put("direction", "IN");
        event.put("externalId", externalId);
        event.put("type", storedType);
        event.put("body", text);
        event.put("sentAt", sentAt.toString());
        String rest = json.writeValueAsString(event).substring(1); // without its "{"
        return new Prepared(inbound, contact, externalId, sentAt, inbound.names().get(inbound.from()), storedType, text,
                event, rest, InboundProcessing.MEDIA.contains(type), json.writeValueAsString(message),
                message.path("context").path("id").asString(null));
    }

    private static boolean skipped(Inbound inbound) {
        if (inbound.from().isEmpty() || inbound.message().path("id").asString("").isEmpty()) {
            log.warn("WhatsApp message without sender or id on channel {}: skipped", inbound.channel().channelId());
            return true;
        }
        return false;
    }

    /**
     * The lean batch's messages, in one call of {@code inbox_store_inbound} (V32): per message, what
     * {@link #storeMessage} does in a full batch, without a round trip each. A stored message that finds no open
     * conversation needs the full transaction.
     */
    private void storeLean(List<Inbound> messages, Map<String, UUID> contacts) {
        List<Prepared> batch = new ArrayList<>(messages.size());
        for (Inbound m : messages) {
            if (!skipped(m)) {
                batch.add(prepare(m, contacts.get(senderKey(m.channel().channelId(), m.from()))));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        UUID[] contactIds = new UUID[n];
        String[] names = new String[n];
        UUID[] ids = new UUID[n];
        UUID[] channels = new UUID[n];
        String[] external = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        String[] payloads = new String[n];
        String[] contexts = new String[n];
        String[] sent = new String[n];
        String[] received = new String[n];
        Boolean[] media = new Boolean[n];
        String[] rest = new String[n];
        for (int i = 0; i < n; i++) {
            Prepared p = batch.get(i);
            contactIds[i] = p.contact();
            names[i] = p.name();
            ids[i] = Ids.next();
            channels[i] = p.inbound().channel().channelId();
            external[i] = p.externalId();
            types[i] = p.type();
            bodies[i] = p.text();
            payloads[i] = p.payload();
            contexts[i] = p.context();
            sent[i] = p.sentAt().toString();
            received[i] = p.inbound().now().toString();
            media[i] = p.media();
            rest[i] = p.rest();
        }
        UUID tenant = batch.get(0).inbound().channel().tenantId();
        List<Object[]> rows = jdbc.sql("""
                select out_ord, out_stored, out_waits, out_conversation
                  from inbox_store_inbound(:t, cast(:received as timestamptz[]), :eventAt, :notifyChannel, cast(:contacts as uuid[]),
                       cast(:names as text[]), cast(:ids as uuid[]), cast(:channels as uuid[]), cast(:external as text[]),
                       cast(:types as text[]), cast(:bodies as text[]), cast(:payloads as text[]), cast(:contexts as text[]),
                       cast(:sent as timestamptz[]), cast(:media as boolean[]), cast(:rest as text[]))
                """)
            .param("t", tenant).param("received", received).param("eventAt", Timestamp.from(clock.instant()))
            .param("notifyChannel", InboxEvents.CHANNEL).param("contacts", contactIds).param("names", names)
            .param("ids", ids).param("channels", channels).param("external", external).param("types", types)
            .param("bodies", bodies).param("payloads", payloads).param("contexts", contexts).param("sent", sent)
            .param("media", media).param("rest", rest)
            .query((rs, i) -> new Object[] { rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                    rs.getObject(4, UUID.class) })
            .list();
        for (Object[] row : rows) {
            Prepared p = batch.get((Integer) row[0] - 1);
            Tally tally = p.inbound().tally();
            if (!(Boolean) row[1]) {
                tally.duplicates++;
                continue;
            }
            tally.stored++;
            if (row[3] == null) { // no open conversation: reopen or start one (and assign it), in full
                throw new NeedsFullTransaction();
            }
            if ((Boolean) row[2]) {
                tally.contacts.add(p.contact());
            }
        }
    }

    /**
     * Stores one message of a full batch (once: a duplicate counts as such): its contact first (upserted), then the
     * message; adds its contact if its processing waits, and the message to the work's unattached ones if its
     * contact has no open conversation.
     */
    private void storeMessage(Inbound inbound, FullWork work) {
        if (skipped(inbound)) {
            return;
        }
        ChannelRef channel = inbound.channel();
        JsonNode message = inbound.message();
        Tally tally = inbound.tally();
        Instant now = inbound.now();
        Instant sentAt = instant(message.path("timestamp").asString(""), now);
        UUID contact = upsertContact(channel, inbound.from(), inbound.names().get(inbound.from()), sentAt, now, work);
        Prepared p = prepare(inbound, contact);
        // One statement: the message, inserted with the contact's open conversation; that conversation's update;
        // the message.new event and its NOTIFY (inbox_store_inbound, V39, does the same for a lean batch). The
        // contact's row lock (the upsert above) orders the webhooks of one contact, and this statement's snapshot is
        // taken after it, so it sees their messages.
        // A message with nothing to fetch (not media) whose contact has nothing waiting is processed as it is
        // stored: no job, no second transaction. Media, or anything behind a contact's waiting message, is left
        // to InboundProcessing, which keeps the contact's order. Answers whether it waits and the conversation
        // updated (none: no open one, or it was resolved meanwhile); no row: a duplicate.
        Optional<Object[]> row = jdbc.sql("""
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

    /** Moves an outbound message's status forward only (sent < delivered < read; failed is final). */
    private int applyStatus(ChannelRef channel, JsonNode status) {
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

    /** The readable text of a message, by type. */
    static String body(JsonNode message, String type) {
        switch (type) {
            case "text":
                return message.path("text").path("body").asString(null);
            case "interactive": {
                JsonNode i = message.path("interactive");
                JsonNode reply = i.has("button_reply") ? i.path("button_reply") : i.path("list_reply");
                return reply.path("title").asString(null);
            }
            case "button":
                return message.path("button").path("text").asString(null);
            case "image":
            case "video":
            case "document":
                return message.path(type).path("caption").asString(null);
            case "location": {
                JsonNode l = message.path("location");
                String name = l.path("name").asString("");
                String address = l.path("address").asString("");
                String label = (name + " " + address).trim();
                return label.isEmpty() ? l.path("latitude").asString("") + ", " + l.path("longitude").asString("") : label;
            }
            default:
                return null;
        }
    }

    private static Instant instant(String epochSeconds, Instant fallback) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds));
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
