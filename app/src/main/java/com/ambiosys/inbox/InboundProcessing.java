package com.ambiosys.inbox;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.files.FileManagement;
import com.ambiosys.files.StoredFile;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.TenantManagement;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to an inbound message after it is stored, on the durable job scheduler: per contact, one
 * message at a time in the order of their timestamps. Media is downloaded from Meta at once into
 * {@code files} and its sha256 checked; a failure (Meta answering 500, a wrong hash) is retried with
 * backoff, and the contact's later messages wait for it. After {@code MAX_ATTEMPTS} the message is
 * marked processed with its error so the contact's queue moves on. A message with nothing to fetch whose
 * contact has nothing waiting never comes here: {@link WhatsAppIngest} marks it processed as it stores it.
 */
@Component
class InboundProcessing {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessing.class);
    static final String TASK = "inbox-process-contact";
    static final int MAX_ATTEMPTS = 8;
    static final Set<String> MEDIA = Set.of("image", "document", "audio", "video", "sticker");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final MetaGraph graph;
    private final Channels channels;
    private final FileManagement files;
    private final Clock clock;
    private final ObjectProvider<SchedulerClient> scheduler;

    InboundProcessing(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, MetaGraph graph, Channels channels,
            FileManagement files, Clock clock, ObjectProvider<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.graph = graph;
        this.channels = channels;
        this.files = files;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Schedules the contact's processing (once: an existing execution for the contact will pick it up). */
    void schedule(UUID tenantId, UUID contactId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            log.warn("No job scheduler on this instance: contact {} will be processed by another one", contactId);
            return;
        }
        String id = tenantId + ":" + contactId;
        client.scheduleIfNotExists(new TaskInstance<>(TASK, id, id), clock.instant());
    }

    /** Processes the contact's unprocessed inbound messages, oldest first, until none is left or one fails. */
    void process(String key) {
        String[] parts = key.split(":");
        UUID tenant = UUID.fromString(parts[0]);
        UUID contact = UUID.fromString(parts[1]);
        while (true) {
            Optional<Pending> next = tx.read(tenant, s -> jdbc.sql("""
                    select m.id, m.channel_id, m.type, m.payload::text, m.attempts from inbox_messages m
                     where m.tenant_id = :t and m.contact_id = :c and m.direction = 'IN' and m.processed_at is null
                     order by m.sent_at, m.id limit 1
                    """).param("t", tenant).param("c", contact)
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        json.readTree(rs.getString(4)), rs.getInt(5)))
                .optional());
            if (next.isEmpty()) {
                return;
            }
            Pending message = next.get();
            try {
                UUID file = MEDIA.contains(message.type()) ? download(tenant, message) : null;
                tx.run(tenant, s -> jdbc.sql("""
                        update inbox_messages set file_id = :file, processed_at = :now, last_error = null
                         where tenant_id = :t and id = :id
                        """).param("file", file).param("now", Timestamp.from(clock.instant())).param("t", tenant)
                    .param("id", message.id()).update());
            }
            catch (RuntimeException ex) {
                boolean giveUp = message.attempts() + 1 >= MAX_ATTEMPTS;
                tx.run(tenant, s -> jdbc.sql("""
                        update inbox_messages set attempts = attempts + 1, last_error = :error,
                               processed_at = case when :giveUp then cast(:now as timestamptz) else null end
                         where tenant_id = :t and id = :id
                        """).param("error", String.valueOf(ex.getMessage())).param("giveUp", giveUp)
                    .param("now", Timestamp.from(clock.instant())).param("t", tenant).param("id", message.id()).update());
                if (giveUp) {
                    log.error("Inbound message {} given up after {} attempts: {}", message.id(), MAX_ATTEMPTS, ex.getMessage());
                    continue;
                }
                throw ex; // retried with backoff; the contact's later messages wait
            }
        }
    }

    private record Pending(UUID id, UUID channelId, String type, JsonNode payload, int attempts) {
    }

    private UUID download(UUID tenant, Pending message) {
        JsonNode media = message.payload().path(message.type());
        String mediaId = media.path("id").asString("");
        if (mediaId.isEmpty()) {
            throw new MetaGraph.GraphException("no media id");
        }
        MetaGraph.Access token = TenantContext.callAs(tenant, () -> channels.graphAccess(message.channelId()));
        MetaGraph.MediaInfo info = graph.media(token, mediaId);
        String expected = hex(info.sha256() != null ? info.sha256() : media.path("sha256").asString(null));
        String name = media.path("filename").asString(mediaId + extension(info.mimeType()));
        StoredFile stored;
        try (InputStream bytes = graph.download(token, info.url())) {
            stored = TenantContext.callAs(tenant, () -> files.store(InboxMessageFileAccess.OWNER, message.id().toString(), name, bytes));
        }
        catch (java.io.IOException ex) {
            throw new MetaGraph.GraphException("download: " + ex.getMessage());
        }
        if (expected != null && !expected.equalsIgnoreCase(stored.sha256())) {
            TenantContext.runAs(tenant, () -> files.delete(stored.id()));
            throw new MetaGraph.GraphException("sha256 mismatch for media " + mediaId);
        }
        TenantContext.runAs(tenant, () -> files.attach(stored.id(), InboxMessageFileAccess.OWNER, message.id().toString()));
        return stored.id();
    }

    /** Meta writes the sha256 in hex or base64; answers hex (or null). */
    static String hex(String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            return null;
        }
        if (sha256.matches("[0-9a-fA-F]{64}")) {
            return sha256.toLowerCase(Locale.ROOT);
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(sha256));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        String base = mimeType.split(";")[0].trim();
        switch (base) {
            case "image/jpeg": return ".jpg";
            case "image/png": return ".png";
            case "image/webp": return ".webp";
            case "application/pdf": return ".pdf";
            case "audio/ogg": return ".ogg";
            case "audio/mpeg": return ".mp3";
            case "video/mp4": return ".mp4";
            default: return "";
        }
    }

    /** Contacts with messages waiting (a missed schedule, a restart): scheduled again. */
    int sweep(TenantManagement tenants) {
        int scheduled = 0;
        Instant before = clock.instant().minus(Duration.ofSeconds(20));
        for (UUID tenant : tenants.activeTenantIds()) {
            List<UUID> waiting = tx.read(tenant, s -> jdbc.sql("""
                    select distinct contact_id from inbox_messages
                     where tenant_id = :t and direction = 'IN' and processed_at is null and received_at < :before
                    """).param("t", tenant).param("before", Timestamp.from(before)).query(UUID.class).list());
            for (UUID contact : waiting) {
                schedule(tenant, contact);
                scheduled++;
            }
            // statuses whose message never showed up (sent by another system on the same number)
            tx.run(tenant, s -> jdbc.sql("delete from inbox_pending_statuses where tenant_id = :t and received_at < :old")
                .param("t", tenant).param("old", Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).update());
        }
        return scheduled;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        OneTimeTask<String> processContactTask(InboundProcessing processing,
                @Value("${ambiosys.inbox.retry-backoff:5s}") Duration backoff) {
            return Tasks.oneTime(TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(backoff, 2.0))
                .execute((instance, context) -> processing.process(instance.getData()));
        }

        @Bean
        RecurringTask<Void> sweepInboxTask(InboundProcessing processing, TenantManagement tenants) {
            return Tasks.recurring("inbox-sweep-waiting", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> processing.sweep(tenants));
        }
    }
}
