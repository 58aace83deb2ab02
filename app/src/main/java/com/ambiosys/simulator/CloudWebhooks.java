package com.ambiosys.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.ambiosys.inbox.Channels.SimulatedChannel;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cloud API webhooks as Meta sends them: the {@code entry/changes/value} envelope with the channel's
 * metadata, signed with {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body with the app secret),
 * posted over HTTP to the platform's {@code /webhooks/whatsapp} (on this server unless
 * {@code ambiosys.simulator.webhook-url} says otherwise).
 */
@Component
@SimulatorEnabled
class CloudWebhooks {

    private static final Logger log = LoggerFactory.getLogger(CloudWebhooks.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Environment environment;
    private final String webhookUrl;

    CloudWebhooks(JsonMapper json, Environment environment, @Value("${ambiosys.simulator.webhook-url:}") String webhookUrl) {
        this.json = json;
        this.environment = environment;
        this.webhookUrl = webhookUrl;
    }

    /** A webhook body: one entry, one change, the value given (messages or statuses) with the channel's metadata. */
    byte[] envelope(SimulatedChannel channel, Map<String, Object> content) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", digits(channel.displayPhone(), channel.phoneNumberId()),
                "phone_number_id", channel.phoneNumberId()));
        value.putAll(content);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("object", "whatsapp_business_account");
        root.put("entry", List.of(Map.of("id", channel.wabaId() == null ? channel.phoneNumberId() : channel.wabaId(),
                "changes", List.of(Map.of("field", "messages", "value", value)))));
        return json.writeValueAsBytes(root);
    }

    /** The value of an inbound message from a phone: its contact (profile name) and the message. */
    static Map<String, Object> message(String waId, String profileName, Map<String, Object> message) {
        return Map.of("contacts", List.of(Map.of("profile", Map.of("name", profileName), "wa_id", waId)),
                "messages", List.of(message));
    }

    /** The value of a status of an outbound message, as Meta reports it. */
    static Map<String, Object> status(String wamid, String status, String recipient, Instant at) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", wamid);
        s.put("status", status);
        s.put("timestamp", String.valueOf(at.getEpochSecond()));
        s.put("recipient_id", recipient);
        if (!"read".equals(status)) {
            s.put("conversation", Map.of("id", "SIM" + Integer.toHexString(recipient.hashCode()), "origin",
                    Map.of("type", "service")));
            s.put("pricing", Map.of("billable", true, "pricing_model", "CBP", "category", "service"));
        }
        return Map.of("statuses", List.of(s));
    }

    /** {@code sha256=<hex>} of the body with the secret. */
    static String signature(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Posts the signed webhook; answers the platform's HTTP status (0 when it could not be reached). */
    int post(SimulatedChannel channel, Map<String, Object> content) {
        byte[] body = envelope(channel, content);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(body, channel.appSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException ex) {
            log.warn("Simulator webhook to {} failed: {}", url(), ex.getMessage());
            return 0;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String url() {
        if (!webhookUrl.isBlank()) {
            return webhookUrl;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                + "/webhooks/whatsapp";
    }

    /** The digits of a display phone (Meta writes {@code 50222000000}); the phone number id when there is none. */
    static String digits(String phone, String fallback) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? fallback : digits;
    }
}
