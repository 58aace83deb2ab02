package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.ambiosys.files.FileManagement;
import com.ambiosys.files.StoredFile;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.web.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends WhatsApp messages to an inbox contact: text, reply buttons, lists and templates. The 24-hour
 * window is enforced before anything is sent (outside it only a template); each send carries an
 * idempotency key, and the row that holds it is committed before Meta is called, so a double click
 * or a retry sends once. Meta's errors are stored on the message.
 */
@Service
public class WhatsAppSender {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
    static final Duration WINDOW = Duration.ofHours(24);

    public record Button(String id, String title) {
    }

    public record Row(String id, String title, String description) {
    }

    public record Section(String title, List<Row> rows) {
    }

    /**
     * @param type TEXT, BUTTONS, LIST, TEMPLATE, or IMAGE, DOCUMENT, AUDIO, VIDEO with the {@code fileId} of an upload
     * @param replyToMessageId our id of the contact's message this one answers (sent as Meta's {@code context})
     */
    public record Outgoing(String type, String text, List<Button> buttons, String listButton, List<Section> sections,
            String templateName, String templateLanguage, List<String> templateParameters, UUID fileId, String caption,
            String filename, UUID replyToMessageId) {

        public Outgoing(String type, String text, List<Button> buttons, String listButton, List<Section> sections,
                String templateName, String templateLanguage, List<String> templateParameters) {
            this(type, text, buttons, listButton, sections, templateName, templateLanguage, templateParameters, null, null,
                    null, null);
        }
    }

    /** The message a reply answers: our id and its text. */
    public record ReplyTo(UUID id, String text) {
    }

    /** A media message's file (null until an inbound one is downloaded) and what Meta says of it. */
    public record Media(UUID fileId, String mediaType, String filename, String caption) {
    }

    public record Message(UUID id, String direction, String type, String body, String status, String externalId,
            Map<String, Object> error, Instant sentAt, ReplyTo replyTo, Media media) {
    }

    /** What WhatsApp takes for each media type (Cloud API limits), and their size limits. */
    static final Map<String, List<String>> MEDIA_TYPES = Map.of(
            "IMAGE", List.of("image/jpeg", "image/png"),
            "VIDEO", List.of("video/mp4", "video/3gpp"),
            "AUDIO", List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
            "DOCUMENT", List.of());
    static final Map<String, Long> MEDIA_LIMITS = Map.of("IMAGE", 5L << 20, "VIDEO", 16L << 20, "AUDIO", 16L << 20,
            "DOCUMENT", 100L << 20);
    static final java.util.Set<String> MEDIA_KINDS = java.util.Set.of("image", "document", "audio", "video", "sticker");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final Channels channels;
    private final Clock clock;
    private final MetaGraph graph;
    private final InboxEvents events;
    private final FileManagement files;

    WhatsAppSender(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, Channels channels, Clock clock,
            MetaGraph graph, InboxEvents events, FileManagement files) {
        this.files = files;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.channels = channels;
        this.clock = clock;
        this.graph = graph;
    }

    private record Target(UUID channelId, String phoneNumberId, String waId, Instant lastInbound) {
    }

    /** Sends (once per idempotency key) and answers the stored message, sent or failed. */
    public Message send(UUID contactId, Outgoing outgoing, String idempotencyKey) {
        UUID tenant = TenantContext.require();
        Map<String, Object> payload = payload(outgoing, null);
        Target target = tx.read(tenant, s -> jdbc.sql("""
                select k.channel_id, c.phone_number_id, k.external_id, k.last_inbound_at
                  from inbox_contacts k join inbox_channels c on c.tenant_id = k.tenant_id and c.id = k.channel_id
                 where k.tenant_id = :t and k.id = :id
                """).param("t", tenant).param("id", contactId)
            .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
            .optional().orElseThrow(() -> ApiException.notFound("contact")));
        Optional<Message> earlier = byKey(tenant, target.channelId(), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        boolean inWindow = target.lastInbound() != null && target.lastInbound().plus(WINDOW).isAfter(now);
        if (!inWindow && !"TEMPLATE".equals(outgoing.type())) {
            throw new ApiException(HttpStatus.CONFLICT, "outside-24h-window");
        }
        StoredFile file = MEDIA_TYPES.containsKey(outgoing.type()) ? mediaFile(outgoing) : null;
        String context = replyTo(tenant, contactId, outgoing.replyToMessageId());
        payload.put("to", target.waId());
        if (context != null) {
            payload.put("context", Map.of("message_id", context));
        }
        String body = json.writeValueAsString(payload);
        UUID id = Ids.next();
        CurrentUser actor = CurrentUsers.current().orElse(null);
        int inserted = tx.call(tenant, s -> jdbc.sql("""
                insert into inbox_messages (tenant_id, id, channel_id, contact_id, direction, type, body, payload, sent_at,
                    received_at, status, idempotency_key, sent_by, processed_at, conversation_id, context_id, file_id, media_type)
                values (:t, :id, :channel, :contact, 'OUT', :type, :text, cast(:payload as jsonb), :now, :now, 'PENDING', :key,
                    :by, :now, (select v.id from inbox_conversations v
                                 where v.tenant_id = :t and v.contact_id = :contact and v.status <> 'RESOLVED'),
                    :context, :file, :mediaType)
                on conflict (tenant_id, channel_id, idempotency_key) where idempotency_key is not null do nothing
                """)
            .param("t", tenant).param("id", id).param("channel", target.channelId()).param("contact", contactId)
            .param("type", outgoing.type().toLowerCase(java.util.Locale.ROOT)).param("text", text(outgoing))
            .param("payload", body).param("now", Timestamp.from(now)).param("key", idempotencyKey)
            .param("by", actor == null ? null : actor.userId()).param("context", context)
            .param("file", file == null ? null : file.id()).param("mediaType", file == null ? null : file.mediaType()).update());
        if (inserted == 0) { // another request with this key got there first
            return byKey(tenant, target.channelId(), idempotencyKey).orElseThrow();
        }
        MetaGraph.Access access = TenantContext.callAs(tenant, () -> channels.graphAccess(target.channelId()));
        String toSend = body;
        try {
            if (file != null) {
                if ("inbox_message".equals(file.ownerType())) { // uploaded for this message (not another entity's file)
                    files.attach(file.id(), "inbox_message", id.toString());
                }
                String mediaId = upload(access, target.phoneNumberId(), file);
                Map<String, Object> withMedia = payload(outgoing, mediaId);
                withMedia.put("to", target.waId());
                if (context != null) {
                    withMedia.put("context", Map.of("message_id", context));
                }
                String sentBody = json.writeValueAsString(withMedia);
                tx.run(tenant, s -> jdbc.sql("update inbox_messages set payload = cast(:payload as jsonb) where tenant_id = :t and id = :id")
                    .param("payload", sentBody).param("t", tenant).param("id", id).update());
                toSend = sentBody;
            }
            MetaGraph.SendAnswer response = graph.sendMessage(access, target.phoneNumberId(), toSend);
            JsonNode answer = response.body();
            if (response.status() / 100 == 2 && answer.path("messages").path(0).has("id")) {
                String wamid = answer.path("messages").path(0).path("id").asString();
                tx.run(tenant, s -> {
                    jdbc.sql("""
                            update inbox_messages set external_id = :wamid,
                                   status = case when status = 'PENDING' then 'SENT' else status end
                             where tenant_id = :t and id = :id
                            """).param("wamid", wamid).param("t", tenant).param("id", id).update();
                    // statuses that came before this answer (the webhook can overtake it) apply now
                    jdbc.sql("""
                            delete from inbox_pending_statuses where tenant_id = :t and channel_id = :c and external_id = :e
                            returning status, error::text
                            """).param("t", tenant).param("c", target.channelId()).param("e", wamid)
                        .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()
                        .forEach(p -> StatusUpdates.moveForward(jdbc, tenant, target.channelId(), wamid, p[0], p[1]));
                });
            }
            else {
                fail(tenant, id, answer.path("error").isMissingNode() ? Map.of("message", "HTTP " + response.status())
                        : json.convertValue(answer.path("error"), Map.class));
            }
        }
        catch (MetaGraph.GraphException ex) {
            fail(tenant, id, Map.of("message", "Meta did not answer: " + ex.getMessage()));
        }
        Message sent = message(tenant, id);
        tx.run(tenant, s -> events.publish(tenant, "message.new", null, Map.of("contactId", contactId, "direction", "OUT",
                "messageId", sent.id(), "status", sent.status(), "body", sent.body() == null ? "" : sent.body())));
        return sent;
    }

    /** The upload the message sends, checked against what WhatsApp takes for its type. */
    private StoredFile mediaFile(Outgoing o) {
        if (o.fileId() == null) {
            throw ApiException.badRequest("media-file-required");
        }
        StoredFile file;
        try {
            file = files.get(o.fileId());
        }
        catch (ApiException ex) {
            throw ApiException.badRequest("unknown-file");
        }
        List<String> allowed = MEDIA_TYPES.get(o.type());
        if ((!allowed.isEmpty() && !allowed.contains(file.mediaType())) || file.sizeBytes() > MEDIA_LIMITS.get(o.type())) {
            throw ApiException.badRequest("media-type-not-allowed", file.mediaType(), o.type());
        }
        return file;
    }

    /** The wamid of the contact's message a reply answers (our id in, Meta's id out). */
    private String replyTo(UUID tenant, UUID contactId, UUID messageId) {
        if (messageId == null) {
            return null;
        }
        return tx.read(tenant, s -> jdbc.sql("""
                select external_id from inbox_messages where tenant_id = :t and contact_id = :c and id = :id
                   and external_id is not null
                """).param("t", tenant).param("c", contactId).param("id", messageId).query(String.class).optional())
            .orElseThrow(() -> ApiException.badRequest("invalid-reply-to"));
    }

    private String upload(MetaGraph.Access access, String phoneNumberId, StoredFile file) {
        FileManagement.Download download = files.content(file.id());
        byte[] bytes;
        try (java.io.InputStream in = download.content()) {
            bytes = in.readAllBytes();
        }
        catch (java.io.IOException ex) {
            throw new MetaGraph.GraphException("could not read file " + file.id() + ": " + ex.getMessage());
        }
        return graph.uploadMedia(access, phoneNumberId, bytes, file.mediaType(), file.name());
    }

    private void fail(UUID tenant, UUID id, Map<?, ?> error) {
        log.warn("WhatsApp send {} failed: {}", id, error);
        tx.run(tenant, s -> jdbc.sql("update inbox_messages set status = 'FAILED', error = cast(:error as jsonb) where tenant_id = :t and id = :id")
            .param("error", json.writeValueAsString(error)).param("t", tenant).param("id", id).update());
    }

    /**
     * The contact's thread, newest first: the latest {@code limit} messages, or with {@code before} (one of the
     * contact's messages) the {@code limit} before it, to page back through a long thread.
     */
    public List<Message> thread(UUID contactId, int limit, UUID before) {
        UUID tenant = TenantContext.require();
        return tx.read(tenant, s -> {
            boolean exists = jdbc.sql("select count(*) from inbox_contacts where tenant_id = :t and id = :id")
                .param("t", tenant).param("id", contactId).query(Long.class).single() > 0;
            if (!exists) {
                throw ApiException.notFound("contact");
            }
            if (before != null && jdbc.sql("select count(*) from inbox_messages where tenant_id = :t and id = :id and contact_id = :c")
                .param("t", tenant).param("id", before).param("c", contactId).query(Long.class).single() == 0) {
                throw ApiException.notFound("message");
            }
            return jdbc.sql(SELECT + """

                     where m.tenant_id = :t and m.contact_id = :c
                       and (cast(:before as uuid) is null
                            or (m.sent_at, m.id) < (select b.sent_at, b.id from inbox_messages b
                                                      where b.tenant_id = :t and b.id = :before))
                     order by m.sent_at desc, m.id desc limit :limit""")
                .param("t", tenant).param("c", contactId).param("before", before).param("limit", limit)
                .query((rs, n) -> message(rs)).list();
        });
    }

    private static final String SELECT = """
            select m.id, m.direction, m.type, m.body, m.status, m.external_id, m.error::text as error, m.sent_at, m.file_id,
                   coalesce(m.media_type, m.payload -> m.type ->> 'mime_type') as media_type,
                   m.payload -> m.type ->> 'filename' as filename, m.payload -> m.type ->> 'caption' as caption,
                   r.id as reply_id, r.body as reply_text
              from inbox_messages m
              left join inbox_messages r on r.tenant_id = m.tenant_id and r.channel_id = m.channel_id
                                        and r.external_id = m.context_id""";

    private Optional<Message> byKey(UUID tenant, UUID channelId, String key) {
        return tx.read(tenant, s -> jdbc.sql(SELECT + " where m.tenant_id = :t and m.channel_id = :c and m.idempotency_key = :k")
            .param("t", tenant).param("c", channelId).param("k", key).query((rs, n) -> message(rs)).optional());
    }

    private Message message(UUID tenant, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(SELECT + " where m.tenant_id = :t and m.id = :id").param("t", tenant).param("id", id)
            .query((rs, n) -> message(rs)).single());
    }

    @SuppressWarnings("unchecked")
    private Message message(java.sql.ResultSet rs) throws java.sql.SQLException {
        String error = rs.getString("error");
        return new Message(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("type"),
                rs.getString("body"), rs.getString("status"), rs.getString("external_id"),
                error == null ? null : json.readValue(error, Map.class), rs.getTimestamp("sent_at").toInstant(),
                rs.getObject("reply_id", UUID.class) == null ? null
                        : new ReplyTo(rs.getObject("reply_id", UUID.class), rs.getString("reply_text")),
                MEDIA_KINDS.contains(rs.getString("type")) ? new Media(rs.getObject("file_id", UUID.class),
                        rs.getString("media_type"), rs.getString("filename"), rs.getString("caption")) : null);
    }

    /** Meta's request body for the message, checked against the Cloud API's limits. */
    static Map<String, Object> payload(Outgoing o, String mediaId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("messaging_product", "whatsapp");
        p.put("recipient_type", "individual");
        switch (o.type()) {
            case "TEXT" -> {
                requireText(o.text(), 4096);
                p.put("type", "text");
                p.put("text", Map.of("preview_url", false, "body", o.text()));
            }
            case "BUTTONS" -> {
                requireText(o.text(), 1024);
                if (o.buttons() == null || o.buttons().isEmpty() || o.buttons().size() > 3) {
                    throw ApiException.badRequest("invalid-buttons", 3, 20);
                }
                List<Map<String, Object>> buttons = new ArrayList<>();
                for (Button b : o.buttons()) {
                    if (b.title() == null || b.title().isBlank() || b.title().length() > 20 || b.id() == null
                            || b.id().isBlank() || b.id().length() > 256) {
                        throw ApiException.badRequest("invalid-buttons", 3, 20);
                    }
                    buttons.add(Map.of("type", "reply", "reply", Map.of("id", b.id(), "title", b.title())));
                }
                p.put("type", "interactive");
                p.put("interactive", Map.of("type", "button", "body", Map.of("text", o.text()), "action",
                        Map.of("buttons", buttons)));
            }
            case "LIST" -> {
                requireText(o.text(), 1024);
                int rows = o.sections() == null ? 0 : o.sections().stream().mapToInt(s -> s.rows() == null ? 0 : s.rows().size()).sum();
                if (rows == 0 || rows > 10 || o.listButton() == null || o.listButton().isBlank() || o.listButton().length() > 20) {
                    throw ApiException.badRequest("invalid-list", 10);
                }
                List<Map<String, Object>> sections = new ArrayList<>();
                for (Section s : o.sections()) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (Row r : s.rows()) {
                        if (r.title() == null || r.title().isBlank() || r.title().length() > 24 || r.id() == null
                                || r.id().length() > 200 || (r.description() != null && r.description().length() > 72)) {
                            throw ApiException.badRequest("invalid-list", 10);
                        }
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", r.id());
                        row.put("title", r.title());
                        if (r.description() != null) {
                            row.put("description", r.description());
                        }
                        items.add(row);
                    }
                    sections.add(Map.of("title", s.title() == null ? "" : s.title(), "rows", items));
                }
                p.put("type", "interactive");
                p.put("interactive", Map.of("type", "list", "body", Map.of("text", o.text()), "action",
                        Map.of("button", o.listButton(), "sections", sections)));
            }
            case "TEMPLATE" -> {
                if (o.templateName() == null || !o.templateName().matches("[a-z0-9_]{1,512}")) {
                    throw ApiException.badRequest("invalid-template");
                }
                Map<String, Object> template = new LinkedHashMap<>();
                template.put("name", o.templateName());
                template.put("language", Map.of("code", o.templateLanguage() == null ? "es" : o.templateLanguage()));
                if (o.templateParameters() != null && !o.templateParameters().isEmpty()) {
                    template.put("components", List.of(Map.of("type", "body", "parameters",
                            o.templateParameters().stream().map(v -> Map.of("type", "text", "text", v)).toList())));
                }
                p.put("type", "template");
                p.put("template", template);
            }
            case "IMAGE", "DOCUMENT", "AUDIO", "VIDEO" -> {
                String kind = o.type().toLowerCase(java.util.Locale.ROOT);
                Map<String, Object> media = new LinkedHashMap<>();
                media.put("id", mediaId == null ? "" : mediaId); // the upload's id, known once Meta has the bytes
                if (o.caption() != null && !o.caption().isBlank() && !"AUDIO".equals(o.type())) {
                    if (o.caption().length() > 1024) {
                        throw ApiException.badRequest("invalid-message-text", 1024);
                    }
                    media.put("caption", o.caption());
                }
                if ("DOCUMENT".equals(o.type()) && o.filename() != null && !o.filename().isBlank()) {
                    media.put("filename", o.filename());
                }
                p.put("type", kind);
                p.put(kind, media);
            }
            default -> throw ApiException.badRequest("invalid-message-type", o.type());
        }
        return p;
    }

    private static void requireText(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw ApiException.badRequest("invalid-message-text", max);
        }
    }

    private static String text(Outgoing o) {
        if (MEDIA_TYPES.containsKey(o.type())) {
            return o.caption() == null || o.caption().isBlank() || "AUDIO".equals(o.type()) ? null : o.caption();
        }
        return "TEMPLATE".equals(o.type()) ? o.templateName() : o.text();
    }
}
