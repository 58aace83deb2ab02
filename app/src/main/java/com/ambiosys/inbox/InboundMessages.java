package com.ambiosys.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Messages customers wrote to one of the current tenant's WhatsApp channels that reach the inbox from inside the
 * application rather than by Meta's webhook (the simulator's demo conversations): stored exactly as the webhook
 * stores them (contact, conversation, message, processing), with no signature to check since nothing crossed a
 * network.
 */
@Service
public class InboundMessages {

    /**
     * What a customer wrote. @param waId the customer's WhatsApp id (digits) @param profileName their profile name
     * @param message the Cloud API message as a webhook carries it ({@code from}, {@code id}, {@code timestamp},
     *        {@code type} and its content)
     */
    public record Inbound(String waId, String profileName, Map<String, Object> message) {
        public Inbound {
            if (waId == null || !waId.matches("[1-9][0-9]{7,14}")) {
                throw new IllegalArgumentException("A WhatsApp id is 8 to 15 digits: " + waId);
            }
            Objects.requireNonNull(profileName, "profileName");
            if (message == null || !(message.get("id") instanceof String) || !(message.get("type") instanceof String)) {
                throw new IllegalArgumentException("A Cloud API message has an id and a type");
            }
            message = Collections.unmodifiableMap(new LinkedHashMap<>(message));
        }
    }

    private final Channels channels;
    private final WhatsAppIngest ingest;
    private final JsonMapper json;

    InboundMessages(Channels channels, WhatsAppIngest ingest, JsonMapper json) {
        this.channels = channels;
        this.ingest = ingest;
        this.json = json;
    }

    /**
     * Takes a message to the current tenant's channel; answers whether the inbox took it (false when the channel
     * does not take webhooks: no phone number id, or no longer there). Joins the caller's transaction if there is one.
     */
    public boolean receive(UUID channelId, Inbound inbound) {
        Channels.Channel channel = channels.get(channelId);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", displayDigits(channel), "phone_number_id",
                channel.phoneNumberId()));
        value.put("contacts", List.of(Map.of("profile", Map.of("name", inbound.profileName()), "wa_id", inbound.waId())));
        value.put("messages", List.of(inbound.message()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("object", "whatsapp_business_account");
        root.put("entry", List.of(Map.of("id", channel.wabaId() == null ? channel.phoneNumberId() : channel.wabaId(),
                "changes", List.of(Map.of("field", "messages", "value", value)))));
        // through bytes, as a webhook's body is read: the same JSON nodes as from Meta
        return ingest.ingestFromInside(json.readTree(json.writeValueAsBytes(root))).outcome() == WhatsAppIngest.Outcome.STORED;
    }

    /** Meta writes the display phone as digits ({@code 50222000000}); the phone number id when there is none. */
    private static String displayDigits(Channels.Channel channel) {
        String digits = channel.displayPhone() == null ? "" : channel.displayPhone().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? channel.phoneNumberId() : digits;
    }
}
