package com.ambiosys.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.ambiosys.inbox.DeliveryWriter.FullWork;
import com.ambiosys.inbox.LeanBatchStore.NeedsFullTransaction;
import com.ambiosys.inbox.WhatsAppChannels.ChannelRef;
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
 *
 * <p>Its parts: {@link WebhookSignature}; {@link DeliveryWriter}, which writes a batch's messages by
 * {@link LeanBatchStore} or {@link FullBatchStore} (read by {@link PreparedMessages}), then its {@link StatusUpdates}.
 */
@Service
public class WhatsAppIngest {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppIngest.class);

    public enum Outcome {
        STORED, UNAUTHORIZED
    }

    /** What one POST did: messages stored (new ones), duplicates skipped, statuses applied. */
    public record Result(Outcome outcome, int stored, int duplicates, int statuses) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WhatsAppChannels webhookChannels;
    private final TenantTransactions tx;
    private final Clock clock;
    private final InboundProcessing processing;
    /** A tenant's deliveries written in its transaction: messages, conversations to attach, statuses. */
    private final DeliveryWriter writer;
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
        PreparedMessages prepared = new PreparedMessages(json);
        this.writer = new DeliveryWriter(new LeanBatchStore(jdbc, clock, prepared),
                new FullBatchStore(jdbc, clock, conversations, prepared), new StatusUpdates(jdbc, json, events, clock),
                conversations, events);
        this.batcher = batch ? new WebhookBatcher<>(this::write, WhatsAppIngest::unavailable, batchMaxSize, batchMaxWait,
                batchWriters) : null;
        this.processing = processing;
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
        Map<String, Optional<ChannelRef>> channels = channelsNamed(root);
        List<ChannelRef> known = channels.values().stream().flatMap(Optional::stream).toList();
        // every channel the body names must be known and the signature must match each one's app secret
        if (known.isEmpty() || known.size() != channels.size()
                || !known.stream().allMatch(c -> WebhookSignature.signatureMatches(body, signatureHeader, c.signingKey()))) {
            return new Result(Outcome.UNAUTHORIZED, 0, 0, 0);
        }
        return store(root, channels);
    }

    /**
     * Stores a webhook's body that comes from inside the application ({@link InboundMessages}) rather than over
     * HTTP: it is not signed, so every channel it names must only be known; then stored as {@link #ingest} stores.
     */
    Result ingestFromInside(JsonNode root) {
        Map<String, Optional<ChannelRef>> channels = channelsNamed(root);
        if (channels.isEmpty() || channels.containsValue(Optional.empty())) {
            return new Result(Outcome.UNAUTHORIZED, 0, 0, 0);
        }
        return store(root, channels);
    }

    /** The channels a webhook's changes name by {@code phone_number_id} (empty: unknown). */
    private Map<String, Optional<ChannelRef>> channelsNamed(JsonNode root) {
        Map<String, Optional<ChannelRef>> channels = new LinkedHashMap<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String phoneNumberId = change.path("value").path("metadata").path("phone_number_id").asString("");
                if (!phoneNumberId.isEmpty()) {
                    channels.computeIfAbsent(phoneNumberId, webhookChannels::find);
                }
            }
        }
        return channels;
    }

    /** Stores the changes of an authenticated webhook, each in its channel's tenant. */
    private Result store(JsonNode root, Map<String, Optional<ChannelRef>> channels) {
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
                    ? tx.call(tenant.getKey(), status -> writer.writeTogether(List.of(delivery), false, new FullWork()).get(0))
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
                return tx.callJdbc(tenant, status -> writer.writeTogether(deliveries, true, new FullWork()));
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
            return writer.writeTogether(deliveries, false, work);
        });
        if (work.needed()) {
            startFull.add(tenant);
        }
        else {
            startFull.remove(tenant);
        }
        return written;
    }

    /** The database cannot be reached: the whole batch answers 503, no use trying its deliveries one by one. */
    static boolean unavailable(RuntimeException ex) {
        return ex instanceof DataAccessResourceFailureException || ex instanceof CannotCreateTransactionException;
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
}
