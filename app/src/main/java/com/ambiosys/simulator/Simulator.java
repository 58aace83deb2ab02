package com.ambiosys.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.inbox.Channels;
import com.ambiosys.inbox.Channels.SimulatedChannel;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.web.ApiException;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's phones and their threads, per tenant (RLS). A tester writes as a phone: the message is
 * kept in the thread and reaches the platform as a signed Cloud API webhook over HTTP. What the platform
 * sends to a phone arrives through {@link SimulatedGraph} and is reported sent and delivered at once;
 * read when the tester opens the thread ({@link #markRead}), as a person reads a chat when they open it.
 */
@Service
@SimulatorEnabled
public class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    static final List<String> OUT_ORDER = List.of("SENT", "DELIVERED", "READ");
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record SimulatedChannelView(UUID id, String name, String displayPhone, String phoneNumberId, boolean active) {
    }

    public record Phone(UUID id, UUID channelId, String phone, String profileName, Instant createdAt) {
    }

    /**
     * One message of a phone's thread. {@code direction} as the inbox names it: IN = the phone wrote to the
     * platform (status ACCEPTED or REJECTED by its webhook), OUT = the platform wrote to the phone (SENT,
     * DELIVERED, READ); {@code payload} is the Cloud API message itself (for OUT, what the platform sent to Meta).
     */
    public record ThreadMessage(UUID id, String direction, String wamid, String type, String body, JsonNode payload,
            String status, String mediaType, Instant createdAt) {
    }

    /** What the tester sends as the phone. @param type TEXT, BUTTON_REPLY, LIST_REPLY or LOCATION */
    public record Reply(String type, String text, UUID replyTo, String optionId, Double latitude, Double longitude,
            String name, String address) {
    }

    public record Media(byte[] bytes, String mimeType, String sha256) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final Channels channels;
    private final AuditTrail audit;
    private final CloudWebhooks webhooks;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-statuses");
        t.setDaemon(true);
        return t;
    });

    Simulator(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, Channels channels, AuditTrail audit,
            CloudWebhooks webhooks, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.channels = channels;
        this.audit = audit;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    // ---- the tester's side (the current tenant) ----

    public List<SimulatedChannelView> channels() {
        return channels.list().stream().filter(Channels.Channel::simulated)
            .map(c -> new SimulatedChannelView(c.id(), c.name(), c.displayPhone(), c.phoneNumberId(), c.active())).toList();
    }

    public List<Phone> phones(UUID channelId) {
        channels.simulated(channelId);
        UUID tenant = TenantContext.require();
        return tx.read(tenant, s -> jdbc.sql(PHONE + " where tenant_id = :t and channel_id = :c order by profile_name, wa_id")
            .param("t", tenant).param("c", channelId).query((rs, n) -> phone(rs)).list());
    }

    public Phone addPhone(UUID channelId, String e164, String profileName) {
        channels.simulated(channelId);
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{7,14}")) {
            throw ApiException.badRequest("simulator-invalid-phone");
        }
        UUID tenant = TenantContext.require();
        UUID id = Ids.next();
        try {
            return tx.call(tenant, s -> {
                insertPhone(tenant, id, channelId, e164.substring(1), profileName.trim());
                Phone created = phone(tenant, id);
                audit.record(AuditAction.CREATE, "simulator-phone", id, null, created);
                return created;
            });
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("simulator-phone-exists", e164);
        }
    }

    public List<ThreadMessage> thread(UUID phoneId) {
        UUID tenant = TenantContext.require();
        phone(tenant, phoneId);
        // the latest 500, oldest first (as a chat reads)
        return tx.read(tenant, s -> jdbc.sql("select * from (" + MESSAGE
                + " where tenant_id = :t and phone_id = :p order by created_at desc, id desc limit 500) latest order by created_at, id")
            .param("t", tenant).param("p", phoneId).query((rs, n) -> message(rs)).list());
    }

    /** Sends as the phone; answers the message with ACCEPTED (the platform answered 200) or REJECTED. */
    public ThreadMessage send(UUID phoneId, Reply reply) {
        UUID tenant = TenantContext.require();
        Phone phone = phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        Map<String, Object> message = new LinkedHashMap<>();
        String type = reply.type() == null ? "" : reply.type();
        String body;
        switch (type) {
            case "TEXT" -> {
                if (reply.text() == null || reply.text().isBlank()) {
                    throw ApiException.badRequest("simulator-text-required");
                }
                message.put("type", "text");
                message.put("text", Map.of("body", reply.text()));
                body = reply.text();
            }
            case "BUTTON_REPLY", "LIST_REPLY" -> {
                boolean button = "BUTTON_REPLY".equals(type);
                ThreadMessage asked = reply.replyTo() == null ? null : messageOf(tenant, phoneId, reply.replyTo()).orElse(null);
                JsonNode choice = asked == null ? null : choice(asked.payload(), button, reply.optionId());
                if (choice == null) {
                    throw ApiException.badRequest("simulator-not-a-choice");
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("id", reply.optionId());
                answer.put("title", choice.path("title").asString());
                if (!button && choice.has("description")) {
                    answer.put("description", choice.path("description").asString());
                }
                message.put("context", Map.of("from", CloudWebhooks.digits(channel.displayPhone(), channel.phoneNumberId()),
                        "id", asked.wamid()));
                message.put("type", "interactive");
                message.put("interactive", Map.of("type", button ? "button_reply" : "list_reply",
                        button ? "button_reply" : "list_reply", answer));
                body = choice.path("title").asString();
            }
            case "LOCATION" -> {
                if (reply.latitude() == null || reply.longitude() == null || Math.abs(reply.latitude()) > 90
                        || Math.abs(reply.longitude()) > 180) {
                    throw ApiException.badRequest("simulator-invalid-location");
                }
                Map<String, Object> location = new LinkedHashMap<>();
                location.put("latitude", reply.latitude());
                location.put("longitude", reply.longitude());
                if (reply.name() != null && !reply.name().isBlank()) {
                    location.put("name", reply.name());
                }
                if (reply.address() != null && !reply.address().isBlank()) {
                    location.put("address", reply.address());
                }
                message.put("type", "location");
                message.put("location", location);
                String label = ((reply.name() == null ? "" : reply.name()) + " " + (reply.address() == null ? "" : reply.address())).trim();
                body = label.isEmpty() ? reply.latitude() + ", " + reply.longitude() : label;
            }
            default -> throw ApiException.badRequest("simulator-invalid-type", type);
        }
        return deliver(channel, phone, message, body, null);
    }

    /** Sends a photo as the phone: the bytes are kept here and served to the platform through the Graph media endpoints. */
    public ThreadMessage sendImage(UUID phoneId, byte[] bytes, String caption) {
        UUID tenant = TenantContext.require();
        Phone phone = phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        String mimeType = imageType(bytes);
        if (mimeType == null) {
            throw ApiException.badRequest("simulator-invalid-image", MAX_IMAGE_BYTES / (1024 * 1024));
        }
        Media media = new Media(bytes, mimeType, sha256(bytes));
        Map<String, Object> image = new LinkedHashMap<>();
        if (caption != null && !caption.isBlank()) {
            image.put("caption", caption);
        }
        image.put("mime_type", mimeType);
        image.put("sha256", media.sha256());
        image.put("id", mediaId());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "image");
        message.put("image", image);
        return deliver(channel, phone, message, caption == null || caption.isBlank() ? null : caption, media);
    }

    /** The tester opened the thread: the platform's messages not yet read are reported read. */
    public int markRead(UUID phoneId) {
        UUID tenant = TenantContext.require();
        Phone phone = phone(tenant, phoneId);
        SimulatedChannel channel = channels.simulated(phone.channelId());
        List<String> unread = tx.read(tenant, s -> jdbc.sql("""
                select wamid from simulator_messages where tenant_id = :t and phone_id = :p and direction = 'OUT'
                   and status <> 'READ' order by created_at
                """).param("t", tenant).param("p", phoneId).query(String.class).list());
        for (String wamid : unread) {
            report(channel, phone.phone().substring(1), wamid, "READ");
        }
        return unread.size();
    }

    /** The bytes of a photo the phone sent, or of media the platform sent to it (for the tester's page). */
    public Media media(UUID phoneId, UUID messageId) {
        UUID tenant = TenantContext.require();
        phone(tenant, phoneId);
        return tx.read(tenant, s -> jdbc.sql("""
                select coalesce(m.media, u.bytes), coalesce(m.media_type, u.media_type), coalesce(m.media_sha256, u.sha256)
                  from simulator_messages m
                  left join simulator_uploads u on u.tenant_id = m.tenant_id and u.media_id = m.payload -> m.type ->> 'id'
                 where m.tenant_id = :t and m.phone_id = :p and m.id = :id and coalesce(m.media, u.bytes) is not null
                """).param("t", tenant).param("p", phoneId).param("id", messageId)
            .query((rs, n) -> new Media(rs.getBytes(1), rs.getString(2), rs.getString(3))).optional())
            .orElseThrow(() -> ApiException.notFound("simulator-message"));
    }

    private ThreadMessage deliver(SimulatedChannel channel, Phone phone, Map<String, Object> content, String body, Media media) {
        UUID tenant = channel.tenantId();
        Instant now = clock.instant();
        String wamid = wamid();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", phone.phone().substring(1));
        message.put("id", wamid);
        message.put("timestamp", String.valueOf(now.getEpochSecond()));
        message.putAll(content);
        UUID id = Ids.next();
        tx.run(tenant, s -> {
            insertMessage(tenant, id, phone.id(), "IN", wamid, (String) message.get("type"), body, message, "REJECTED",
                    media, now);
            audit.record(AuditAction.CREATE, "simulator-message", id, null,
                    Map.of("phone", phone.phone(), "type", message.get("type"), "wamid", wamid));
        });
        int status = webhooks.post(channel, CloudWebhooks.message(phone.phone().substring(1), phone.profileName(), message));
        if (status == 200) {
            tx.run(tenant, s -> jdbc.sql("update simulator_messages set status = 'ACCEPTED' where tenant_id = :t and id = :id")
                .param("t", tenant).param("id", id).update());
        }
        else {
            log.warn("The platform answered {} to the simulator's webhook {}", status, wamid);
        }
        return messageOf(tenant, phone.id(), id).orElseThrow();
    }

    // ---- Meta's side (no tenant yet: called by SimulatedGraph) ----

    /** Keeps what the platform sent to a phone (created if the simulator did not know it) and reports sent, delivered. */
    ThreadMessage received(SimulatedChannel channel, String to, JsonNode payload) {
        UUID tenant = channel.tenantId();
        String wamid = wamid();
        UUID id = Ids.next();
        Instant now = clock.instant();
        String type = payload.path("type").asString("text");
        tx.run(tenant, s -> {
            UUID phoneId = jdbc.sql("select id from simulator_phones where tenant_id = :t and channel_id = :c and wa_id = :w")
                .param("t", tenant).param("c", channel.id()).param("w", to).query(UUID.class).optional().orElseGet(() -> {
                    UUID created = Ids.next();
                    insertPhone(tenant, created, channel.id(), to, "+" + to);
                    return created;
                });
            insertMessage(tenant, id, phoneId, "OUT", wamid, type, outboundText(payload, type), payload, "SENT", null, now);
            // media sent by the id of an upload: the thread shows it
            jdbc.sql("""
                    update simulator_messages m set media_type = u.media_type from simulator_uploads u
                     where m.tenant_id = :t and m.id = :id and u.tenant_id = m.tenant_id and u.media_id = m.payload -> m.type ->> 'id'
                    """).param("t", tenant).param("id", id).update();
        });
        later.schedule(() -> report(channel, to, wamid, "SENT"), 200, TimeUnit.MILLISECONDS);
        later.schedule(() -> report(channel, to, wamid, "DELIVERED"), 600, TimeUnit.MILLISECONDS);
        return tx.read(tenant, s -> jdbc.sql(MESSAGE + " where tenant_id = :t and id = :id").param("t", tenant)
            .param("id", id).query((rs, n) -> message(rs)).single());
    }

    /** Keeps media the platform uploads to send by id ({@code POST /{phone-number-id}/media}); answers its id. */
    String uploaded(SimulatedChannel channel, byte[] bytes, String mimeType, String filename) {
        String mediaId = mediaId();
        tx.run(channel.tenantId(), s -> jdbc.sql("""
                insert into simulator_uploads (tenant_id, media_id, channel_id, media_type, sha256, bytes, filename, created_at)
                values (:t, :m, :c, :type, :sha, :bytes, :name, :now)
                """).param("t", channel.tenantId()).param("m", mediaId).param("c", channel.id()).param("type", mimeType)
            .param("sha", sha256(bytes)).param("bytes", bytes).param("name", filename)
            .param("now", Timestamp.from(clock.instant())).update());
        return mediaId;
    }

    /** The owner and bytes of a media id the simulator serves (a phone's photo or a platform's upload); empty when unknown. */
    Optional<SimulatedMedia> media(String mediaId) {
        return jdbc.sql("select tenant_id, channel_id from simulator_media_owner(:m)").param("m", mediaId)
            .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).optional()
            .flatMap(ids -> channels.simulatedOf(ids[0], ids[1]).flatMap(channel -> tx.read(ids[0], s -> jdbc.sql("""
                    select media, media_type, media_sha256 from simulator_messages where tenant_id = :t and media_id = :m
                    union all
                    select bytes, media_type, sha256 from simulator_uploads where tenant_id = :t and media_id = :m
                    """).param("t", ids[0]).param("m", mediaId)
                .query((rs, n) -> new SimulatedMedia(channel, new Media(rs.getBytes(1), rs.getString(2), rs.getString(3))))
                .optional())));
    }

    record SimulatedMedia(SimulatedChannel channel, Media media) {
    }

    /**
     * Posts a status webhook and, when the platform took it, moves the thread's status and the status reported
     * forward. Answers whether the platform took it.
     */
    private boolean report(SimulatedChannel channel, String recipient, String wamid, String status) {
        int answer;
        try {
            answer = webhooks.post(channel, CloudWebhooks.status(wamid, status.toLowerCase(Locale.ROOT), recipient,
                    clock.instant()));
        }
        catch (RuntimeException ex) {
            log.warn("The simulator's status {} of {} was not posted: {}", status, wamid, ex.getMessage());
            return false;
        }
        if (answer != 200) {
            log.warn("The platform answered {} to the simulator's status {} of {}", answer, status, wamid);
            return false;
        }
        tx.run(channel.tenantId(), s -> jdbc.sql("""
                update simulator_messages
                   set status = case when array_position(cast(:order as text[]), status)
                                          < array_position(cast(:order as text[]), cast(:next as text))
                                     then :next else status end,
                       reported = case when reported is null
                                         or array_position(cast(:order as text[]), reported)
                                            < array_position(cast(:order as text[]), cast(:next as text))
                                       then :next else reported end
                 where tenant_id = :t and wamid = :w and direction = 'OUT'
                """).param("next", status).param("t", channel.tenantId()).param("w", wamid)
            .param("order", OUT_ORDER.toArray(String[]::new)).update());
        return true;
    }

    /**
     * The statuses a lost timer did not post (a restart between the platform's send and its statuses, or the platform
     * down then): for every tenant's outbound messages of the last day whose delivery was not reported
     * {@link #MISSED_AFTER} after they came, sent (if it was not) and then delivered, as the timers would have.
     * Answers how many were reported delivered. Run every 30 s ({@code simulator-report-missed-statuses}).
     */
    int reportMissed() {
        Instant now = clock.instant();
        List<Missed> missed = jdbc.sql("select tenant_id, channel_id, wa_id, wamid, reported from simulator_unreported(:after, :before, 200)")
            .param("after", Timestamp.from(now.minus(Duration.ofDays(1))))
            .param("before", Timestamp.from(now.minus(MISSED_AFTER)))
            .query(Missed.class)
            .list();
        int delivered = 0;
        for (Missed m : missed) {
            Optional<SimulatedChannel> channel = channels.simulatedOf(m.tenantId(), m.channelId());
            if (channel.isEmpty()) { // no longer simulated, or gone
                continue;
            }
            if ((m.reported() == null && !report(channel.get(), m.waId(), m.wamid(), "SENT"))
                    || !report(channel.get(), m.waId(), m.wamid(), "DELIVERED")) {
                continue;
            }
            delivered++;
        }
        if (delivered > 0) {
            log.info("The simulator reported {} missed deliveries", delivered);
        }
        return delivered;
    }

    /** An outbound message whose delivery was not reported (simulator_unreported, V33). */
    record Missed(UUID tenantId, UUID channelId, String waId, String wamid, String reported) {
    }

    /** How long after the platform's send a message whose delivery was not reported counts as missed by its timers. */
    static final Duration MISSED_AFTER = Duration.ofSeconds(10);

    @Configuration(proxyBeanMethods = false)
    @SimulatorEnabled
    static class Schedule {
        @Bean
        RecurringTask<Void> simulatorMissedStatusesTask(Simulator simulator) {
            return Tasks.recurring("simulator-report-missed-statuses", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> simulator.reportMissed());
        }
    }

    // ---- the store ----

    private static final String PHONE = "select id, channel_id, wa_id, profile_name, created_at from simulator_phones";
    private static final String MESSAGE = """
            select id, direction, wamid, type, body, payload::text, status, media_type, created_at from simulator_messages""";

    void insertPhone(UUID tenant, UUID id, UUID channelId, String waId, String profileName) {
        jdbc.sql("""
                insert into simulator_phones (tenant_id, id, channel_id, wa_id, profile_name, created_at)
                values (:t, :id, :c, :w, :name, :now)
                """).param("t", tenant).param("id", id).param("c", channelId).param("w", waId).param("name", profileName)
            .param("now", Timestamp.from(clock.instant())).update();
    }

    void insertMessage(UUID tenant, UUID id, UUID phoneId, String direction, String wamid, String type, String body,
            Object payload, String status, Media media, Instant at) {
        JsonNode tree = payload instanceof JsonNode node ? node : json.valueToTree(payload);
        jdbc.sql("""
                insert into simulator_messages (tenant_id, id, phone_id, direction, wamid, type, body, payload, status,
                    media_id, media_type, media_sha256, media, created_at)
                values (:t, :id, :p, :d, :w, :type, :body, cast(:payload as jsonb), :status, :mediaId, :mediaType, :sha,
                    :bytes, :at)
                """).param("t", tenant).param("id", id).param("p", phoneId).param("d", direction).param("w", wamid)
            .param("type", type).param("body", body).param("payload", json.writeValueAsString(tree)).param("status", status)
            .param("mediaId", media == null ? null : tree.path(type).path("id").asString(null))
            .param("mediaType", media == null ? null : media.mimeType()).param("sha", media == null ? null : media.sha256())
            .param("bytes", media == null ? null : media.bytes()).param("at", Timestamp.from(at)).update();
    }

    Phone phone(UUID tenant, UUID phoneId) {
        return tx.read(tenant, s -> jdbc.sql(PHONE + " where tenant_id = :t and id = :id").param("t", tenant).param("id", phoneId)
            .query((rs, n) -> phone(rs)).optional()).orElseThrow(() -> ApiException.notFound("simulator-phone"));
    }

    private Optional<ThreadMessage> messageOf(UUID tenant, UUID phoneId, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(MESSAGE + " where tenant_id = :t and phone_id = :p and id = :id")
            .param("t", tenant).param("p", phoneId).param("id", id).query((rs, n) -> message(rs)).optional());
    }

    private static Phone phone(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Phone(rs.getObject("id", UUID.class), rs.getObject("channel_id", UUID.class), "+" + rs.getString("wa_id"),
                rs.getString("profile_name"), rs.getTimestamp("created_at").toInstant());
    }

    private ThreadMessage message(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ThreadMessage(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("wamid"),
                rs.getString("type"), rs.getString("body"), json.readTree(rs.getString("payload")), rs.getString("status"),
                rs.getString("media_type"), rs.getTimestamp("created_at").toInstant());
    }

    /** The reply button or list row with this id in a message the platform sent with buttons or a list. */
    static JsonNode choice(JsonNode payload, boolean button, String optionId) {
        if (optionId == null || payload == null) {
            return null;
        }
        JsonNode interactive = payload.path("interactive");
        if (button && "button".equals(interactive.path("type").asString(""))) {
            for (JsonNode b : interactive.path("action").path("buttons")) {
                if (optionId.equals(b.path("reply").path("id").asString(null))) {
                    return b.path("reply");
                }
            }
        }
        if (!button && "list".equals(interactive.path("type").asString(""))) {
            for (JsonNode section : interactive.path("action").path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    if (optionId.equals(row.path("id").asString(null))) {
                        return row;
                    }
                }
            }
        }
        return null;
    }

    /** The readable text of what the platform sent. */
    static String outboundText(JsonNode payload, String type) {
        return switch (type) {
            case "text" -> payload.path("text").path("body").asString(null);
            case "interactive" -> payload.path("interactive").path("body").path("text").asString(null);
            case "template" -> payload.path("template").path("name").asString(null);
            case "image", "document", "video" -> payload.path(type).path("caption").asString(null);
            default -> null;
        };
    }

    /** JPEG, PNG or WebP by their first bytes (what WhatsApp takes as an image); null for anything else. */
    static String imageType(byte[] b) {
        if (b == null || b.length < 12 || b.length > MAX_IMAGE_BYTES) {
            return null;
        }
        if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A media id shaped like Meta's (a number of 16 digits). */
    static String mediaId() {
        return String.valueOf(1_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000L);
    }

    /** A message id shaped like Meta's ({@code wamid.} and base64). */
    static String wamid() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "wamid." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
