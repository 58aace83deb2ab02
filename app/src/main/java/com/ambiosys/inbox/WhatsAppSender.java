package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.files.FileManagement;
import com.ambiosys.files.StoredFile;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends WhatsApp messages to an inbox contact: text, reply buttons, lists, templates and media, each kind an
 * {@link OutgoingMessage} that writes its own part of Meta's request. The 24-hour window is enforced before
 * anything is sent (outside it only a template); each send carries an idempotency key, and the row that holds it
 * is committed before Meta is called, so a double click or a retry sends once. Meta's errors are stored on the
 * message.
 */
@Service
public class WhatsAppSender {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
    static final Duration WINDOW = Duration.ofHours(24);

    /** The message a reply answers: our id and its text. */
    public record ReplyTo(UUID id, String text) {
    }

    /** A media message's file (null until an inbound one is downloaded) and what Meta says of it. */
    public record Media(UUID fileId, String mediaType, String filename, String caption) {
    }

    /** @param templateName for a template, its name (its body is the text it was sent as, when known) */
    public record Message(UUID id, String direction, String type, String body, String status, String externalId,
            Map<String, Object> error, Instant sentAt, ReplyTo replyTo, Media media, String templateName) {
    }

    static final java.util.Set<String> MEDIA_KINDS = java.util.Set.of("image", "document", "audio", "video", "sticker");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final Channels channels;
    private final Clock clock;
    private final MetaGraph graph;
    private final InboxEvents events;
    private final FileManagement files;
    private final ChannelTemplates templates;

    WhatsAppSender(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, Channels channels, Clock clock,
            MetaGraph graph, InboxEvents events, FileManagement files, ChannelTemplates templates) {
        this.files = files;
        this.templates = templates;
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

    /**
     * Sends (once per idempotency key) and answers the stored message, sent or failed.
     * @param replyToMessageId our id of the contact's message this one answers (sent as Meta's {@code context}), or null
     */
    public Message send(UUID contactId, OutgoingMessage message, UUID replyToMessageId, String idempotencyKey) {
        UUID tenant = TenantContext.require();
        Target target = target(tenant, contactId);
        Optional<Message> earlier = byKey(tenant, target.channelId(), idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        boolean inWindow = target.lastInbound() != null && target.lastInbound().plus(WINDOW).isAfter(now);
        if (!inWindow && !message.allowedOutsideWindow()) {
            throw new ConflictException("outside-24h-window");
        }
        OutgoingMessage outgoing = message instanceof OutgoingMessage.Template template // kept as the text it reads
                ? template.reading(templates.rendered(target.channelId(), template.name(), template.language(),
                        template.parameters()).orElse(null))
                : message;
        StoredFile file = outgoing instanceof OutgoingMessage.Media media ? mediaFile(media) : null;
        String context = replyTo(tenant, contactId, replyToMessageId);
        String body = addressed(outgoing, null, target, context);
        UUID id = Ids.next();
        if (!insert(tenant, id, target, contactId, outgoing, body, now, idempotencyKey, context, file)) {
            // another request with this key got there first
            return byKey(tenant, target.channelId(), idempotencyKey).orElseThrow();
        }
        deliver(tenant, id, target, outgoing, body, context, file);
        Message sent = message(tenant, id);
        tx.run(tenant, s -> events.publish(tenant, "message.new", null, Map.of("contactId", contactId, "direction", "OUT",
                "messageId", sent.id(), "status", sent.status(), "body", sent.body() == null ? "" : sent.body())));
        return sent;
    }

    private Target target(UUID tenant, UUID contactId) {
        return tx.read(tenant, s -> jdbc.sql("""
                select k.channel_id, c.phone_number_id, k.external_id, k.last_inbound_at
                  from inbox_contacts k join inbox_channels c on c.tenant_id = k.tenant_id and c.id = k.channel_id
                 where k.tenant_id = :t and k.id = :id
                """).param("t", tenant).param("id", contactId)
            .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
            .optional().orElseThrow(() -> new NotFoundException("contact")));
    }

    /** Meta's request body for the message to the contact, answering {@code context} (Meta's id) if not null. */
    private String addressed(OutgoingMessage outgoing, String mediaId, Target target, String context) {
        Map<String, Object> payload = outgoing.payload(mediaId);
        payload.put("to", target.waId());
        if (context != null) {
            payload.put("context", Map.of("message_id", context));
        }
        return json.writeValueAsString(payload);
    }

    /** Stores the message as PENDING, committed before Meta is called; false if its idempotency key was taken. */
    private boolean insert(UUID tenant, UUID id, Target target, UUID contactId, OutgoingMessage outgoing, String body,
            Instant now, String idempotencyKey, String context, StoredFile file) {
        CurrentUser actor = CurrentUsers.current().orElse(null);
        return tx.call(tenant, s -> jdbc.sql("""
                insert into inbox_messages (tenant_id, id, channel_id, contact_id, direction, type, body, payload, sent_at,
                    received_at, status, idempotency_key, sent_by, processed_at, conversation_id, context_id, file_id, media_type)
                values (:t, :id, :channel, :contact, 'OUT', :type, :text, cast(:payload as jsonb), :now, :now, 'PENDING', :key,
                    :by, :now, (select v.id from inbox_conversations v
                                 where v.tenant_id = :t and v.contact_id = :contact and v.status <> 'RESOLVED'),
                    :context, :file, :mediaType)
                on conflict (tenant_id, channel_id, idempotency_key) where idempotency_key is not null do nothing
                """)
            .param("t", tenant).param("id", id).param("channel", target.channelId()).param("contact", contactId)
            .param("type", outgoing.type().toLowerCase(java.util.Locale.ROOT)).param("text", outgoing.body())
            .param("payload", body).param("now", Timestamp.from(now)).param("key", idempotencyKey)
            .param("by", actor == null ? null : actor.userId()).param("context", context)
            .param("file", file == null ? null : file.id()).param("mediaType", file == null ? null : file.mediaType())
            .update()) > 0;
    }

    /** Calls Meta (uploading the file first, if any) and stores what it answered: sent with its id, or failed. */
    private void deliver(UUID tenant, UUID id, Target target, OutgoingMessage outgoing, String body, String context,
            StoredFile file) {
        MetaGraph.Access access = TenantContext.callAs(tenant, () -> channels.graphAccess(target.channelId()));
        String toSend = body;
        try {
            if (file != null) {
                if ("inbox_message".equals(file.ownerType())) { // uploaded for this message (not another entity's file)
                    files.attach(file.id(), InboxMessageFileAccess.OWNER, id.toString());
                }
                String sentBody = addressed(outgoing, upload(access, target.phoneNumberId(), file), target, context);
                tx.run(tenant, s -> jdbc.sql("update inbox_messages set payload = cast(:payload as jsonb) where tenant_id = :t and id = :id")
                    .param("payload", sentBody).param("t", tenant).param("id", id).update());
                toSend = sentBody;
            }
            MetaGraph.SendAnswer response = graph.sendMessage(access, target.phoneNumberId(), toSend);
            JsonNode answer = response.body();
            if (response.status() / 100 == 2 && answer.path("messages").path(0).has("id")) {
                sent(tenant, id, target.channelId(), answer.path("messages").path(0).path("id").asString());
            }
            else {
                fail(tenant, id, answer.path("error").isMissingNode() ? Map.of("message", "HTTP " + response.status())
                        : json.convertValue(answer.path("error"), Map.class));
            }
        }
        catch (MetaGraph.GraphException ex) {
            fail(tenant, id, Map.of("message", "Meta did not answer: " + ex.getMessage()));
        }
    }

    /** Meta took the message: its id, and the statuses that came before this answer (the webhook can overtake it). */
    private void sent(UUID tenant, UUID id, UUID channelId, String wamid) {
        tx.run(tenant, s -> {
            jdbc.sql("""
                    update inbox_messages set external_id = :wamid,
                           status = case when status = 'PENDING' then 'SENT' else status end
                     where tenant_id = :t and id = :id
                    """).param("wamid", wamid).param("t", tenant).param("id", id).update();
            jdbc.sql("""
                    delete from inbox_pending_statuses where tenant_id = :t and channel_id = :c and external_id = :e
                    returning status, error::text
                    """).param("t", tenant).param("c", channelId).param("e", wamid)
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()
                .forEach(p -> StatusUpdates.moveForward(jdbc, tenant, channelId, wamid, p[0], p[1]));
        });
    }

    /** The upload the message sends, checked against what WhatsApp takes for its type. */
    private StoredFile mediaFile(OutgoingMessage.Media o) {
        if (o.fileId() == null) {
            throw new InvalidInputException("media-file-required");
        }
        StoredFile file;
        try {
            file = files.get(o.fileId());
        }
        catch (NotFoundException ex) {
            throw new InvalidInputException("unknown-file");
        }
        if (!o.kind().takes(file.mediaType(), file.sizeBytes())) {
            throw new InvalidInputException("media-type-not-allowed", file.mediaType(), o.type());
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
            .orElseThrow(() -> new InvalidInputException("invalid-reply-to"));
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
                throw new NotFoundException("contact");
            }
            if (before != null && jdbc.sql("select count(*) from inbox_messages where tenant_id = :t and id = :id and contact_id = :c")
                .param("t", tenant).param("id", before).param("c", contactId).query(Long.class).single() == 0) {
                throw new NotFoundException("message");
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
                   m.payload -> 'template' ->> 'name' as template_name,
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
                        rs.getString("media_type"), rs.getString("filename"), rs.getString("caption")) : null,
                rs.getString("template_name"));
    }
}
