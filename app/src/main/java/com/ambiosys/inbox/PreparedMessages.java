package com.ambiosys.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ambiosys.inbox.DeliveryWriter.Inbound;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook's message read into what the statements of a lean or a full batch write: its stored type, its
 * readable text, its payload and the {@code message.new} event without its conversation.
 */
final class PreparedMessages {

    // the webhook's logger, as before the split: its warnings keep their category
    private static final Logger log = LoggerFactory.getLogger(WhatsAppIngest.class);

    /** Message types kept as they are; any other is stored as {@code unsupported}, never dropped. */
    static final Set<String> KNOWN_TYPES = Set.of("text", "interactive", "button", "image", "document", "audio", "video",
            "sticker", "location");

    private final JsonMapper json;

    PreparedMessages(JsonMapper json) {
        this.json = json;
    }

    /** A message ready to store: its contact and what the statements write. */
    record Prepared(Inbound inbound, UUID contact, String externalId, Instant sentAt, String name, String type,
            String text, Map<String, Object> event, String rest, boolean media, String payload, String context) {
    }

    /** What a message's statements write. */
    Prepared prepare(Inbound inbound, UUID contact) {
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

    static boolean skipped(Inbound inbound) {
        if (inbound.from().isEmpty() || inbound.message().path("id").asString("").isEmpty()) {
            log.warn("WhatsApp message without sender or id on channel {}: skipped", inbound.channel().channelId());
            return true;
        }
        return false;
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

    static Instant instant(String epochSeconds, Instant fallback) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds));
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
