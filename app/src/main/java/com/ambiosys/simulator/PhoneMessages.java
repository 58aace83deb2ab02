package com.ambiosys.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.inbox.Channels.SimulatedChannel;
import com.ambiosys.simulator.Simulator.Reply;
import com.ambiosys.simulator.Simulator.ThreadMessage;

import tools.jackson.databind.JsonNode;

/**
 * What a phone writes, as the Cloud API message a webhook carries (without its {@code from}, {@code id} and
 * {@code timestamp}), and the readable text of what the platform wrote to a phone.
 */
final class PhoneMessages {

    /** A message's content and the text the thread shows for it. */
    record Content(Map<String, Object> message, String body) {
    }

    private PhoneMessages() {
    }

    /**
     * The tester's reply as a message. {@code asked} is the platform's message a button or list reply answers (null
     * when it names none, or none of the phone's).
     */
    static Content reply(Reply reply, ThreadMessage asked, SimulatedChannel channel) {
        if (reply.type() == null) {
            throw new InvalidInputException("simulator-invalid-type", "");
        }
        return switch (reply.type()) {
            case TEXT -> text(reply);
            case BUTTON_REPLY, LIST_REPLY -> choice(reply, reply.type() == ReplyType.BUTTON_REPLY, asked, channel);
            case LOCATION -> location(reply);
        };
    }

    private static Content text(Reply reply) {
        if (reply.text() == null || reply.text().isBlank()) {
            throw new InvalidInputException("simulator-text-required");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "text");
        message.put("text", Map.of("body", reply.text()));
        return new Content(message, reply.text());
    }

    private static Content choice(Reply reply, boolean button, ThreadMessage asked, SimulatedChannel channel) {
        JsonNode choice = asked == null ? null : choice(asked.payload(), button, reply.optionId());
        if (choice == null) {
            throw new InvalidInputException("simulator-not-a-choice");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", reply.optionId());
        answer.put("title", choice.path("title").asString());
        if (!button && choice.has("description")) {
            answer.put("description", choice.path("description").asString());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("context", Map.of("from", CloudWebhooks.digits(channel.displayPhone(), channel.phoneNumberId()),
                "id", asked.wamid()));
        message.put("type", "interactive");
        message.put("interactive", Map.of("type", button ? "button_reply" : "list_reply",
                button ? "button_reply" : "list_reply", answer));
        return new Content(message, choice.path("title").asString());
    }

    private static Content location(Reply reply) {
        if (reply.latitude() == null || reply.longitude() == null || Math.abs(reply.latitude()) > 90
                || Math.abs(reply.longitude()) > 180) {
            throw new InvalidInputException("simulator-invalid-location");
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
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "location");
        message.put("location", location);
        String label = ((reply.name() == null ? "" : reply.name()) + " " + (reply.address() == null ? "" : reply.address())).trim();
        return new Content(message, label.isEmpty() ? reply.latitude() + ", " + reply.longitude() : label);
    }

    /** A photo the phone sends, by the media id the simulator serves it under. */
    static Content image(String mimeType, String sha256, String mediaId, String caption) {
        Map<String, Object> image = new LinkedHashMap<>();
        if (caption != null && !caption.isBlank()) {
            image.put("caption", caption);
        }
        image.put("mime_type", mimeType);
        image.put("sha256", sha256);
        image.put("id", mediaId);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "image");
        message.put("image", image);
        return new Content(message, caption == null || caption.isBlank() ? null : caption);
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
        if (b == null || b.length < 12 || b.length > Simulator.MAX_IMAGE_BYTES) {
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
}
