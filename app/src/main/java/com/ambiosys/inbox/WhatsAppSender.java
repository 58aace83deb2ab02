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

    /** @param type TEXT, BUTTONS, LIST or TEMPLATE */
    public record Outgoing(String type, String text, List<Button> buttons, String listButton, List<Section> sections,
            String templateName, String templateLanguage, List<String> templateParameters) {
    }

    public record Message(UUID id, String direction, String type, String body, String status, String externalId,
            Map<String, Object> error, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions tx;
    private final Channels channels;
    private final Clock clock;
    private final MetaGraph graph;
    private final InboxEvents events;

    WhatsAppSender(JdbcClient jdbc, JsonMapper json, TenantTransactions tx, Channels channels, Clock clock,
            MetaGraph graph, InboxEvents events) {
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
        Map<String, Object> payload = payload(outgoing);
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
        payload.put("to", target.waId());
        String body = json.writeValueAsString(payload);
        UUID id = Ids.next();
        CurrentUser actor = CurrentUsers.current().orElse(null);
        int inserted = tx.call(tenant, s -> jdbc.sql("""
                insert into inbox_messages (tenant_id, id, channel_id, contact_id, direction, type, body, payload, sent_at,
                    received_at, status, idempotency_key, sent_by, processed_at, conversation_id)
                values (:t, :id, :channel, :contact, 'OUT', :type, :text, cast(:payload as jsonb), :now, :now, 'PENDING', :key,
                    :by, :now, (select v.id from inbox_conversations v
                                 where v.tenant_id = :t and v.contact_id = :contact and v.status <> 'RESOLVED'))
                on conflict (tenant_id, channel_id, idempotency_key) where idempotency_key is not null do nothing
                """)
            .param("t", tenant).param("id", id).param("channel", target.channelId()).param("contact", contactId)
            .param("type", outgoing.type().toLowerCase(java.util.Locale.ROOT)).param("text", text(outgoing))
            .param("payload", body).param("now", Timestamp.from(now)).param("key", idempotencyKey)
            .param("by", actor == null ? null : actor.userId()).update());
        if (inserted == 0) { // another request with this key got there first
            return byKey(tenant, target.channelId(), idempotencyKey).orElseThrow();
        }
        MetaGraph.Access access = TenantContext.callAs(tenant, () -> channels.graphAccess(target.channelId()));
        try {
            MetaGraph.SendAnswer response = graph.sendMessage(access, target.phoneNumberId(), body);
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
                        .forEach(p -> WhatsAppIngest.moveForward(jdbc, tenant, target.channelId(), wamid, p[0], p[1]));
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

    private void fail(UUID tenant, UUID id, Map<?, ?> error) {
        log.warn("WhatsApp send {} failed: {}", id, error);
        tx.run(tenant, s -> jdbc.sql("update inbox_messages set status = 'FAILED', error = cast(:error as jsonb) where tenant_id = :t and id = :id")
            .param("error", json.writeValueAsString(error)).param("t", tenant).param("id", id).update());
    }

    /** The contact's thread, newest first. */
    public List<Message> thread(UUID contactId, int limit) {
        UUID tenant = TenantContext.require();
        boolean exists = tx.read(tenant, s -> jdbc.sql("select count(*) from inbox_contacts where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", contactId).query(Long.class).single()) > 0;
        if (!exists) {
            throw ApiException.notFound("contact");
        }
        return tx.read(tenant, s -> jdbc.sql(SELECT + " where tenant_id = :t and contact_id = :c order by sent_at desc, id desc limit :limit")
            .param("t", tenant).param("c", contactId).param("limit", limit).query((rs, n) -> message(rs)).list());
    }

    private static final String SELECT = "select id, direction, type, body, status, external_id, error::text, sent_at from inbox_messages";

    private Optional<Message> byKey(UUID tenant, UUID channelId, String key) {
        return tx.read(tenant, s -> jdbc.sql(SELECT + " where tenant_id = :t and channel_id = :c and idempotency_key = :k")
            .param("t", tenant).param("c", channelId).param("k", key).query((rs, n) -> message(rs)).optional());
    }

    private Message message(UUID tenant, UUID id) {
        return tx.read(tenant, s -> jdbc.sql(SELECT + " where tenant_id = :t and id = :id").param("t", tenant).param("id", id)
            .query((rs, n) -> message(rs)).single());
    }

    @SuppressWarnings("unchecked")
    private Message message(java.sql.ResultSet rs) throws java.sql.SQLException {
        String error = rs.getString("error");
        return new Message(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("type"),
                rs.getString("body"), rs.getString("status"), rs.getString("external_id"),
                error == null ? null : json.readValue(error, Map.class), rs.getTimestamp("sent_at").toInstant());
    }

    /** Meta's request body for the message, checked against the Cloud API's limits. */
    static Map<String, Object> payload(Outgoing o) {
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
        return "TEMPLATE".equals(o.type()) ? o.templateName() : o.text();
    }
}
