package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** What the composer needs from Meta, through the fake on loopback: approved templates, media sends, replies in context. */
class WhatsAppComposerTest extends TenantApiTest {

    static final String TOKEN = "EAAG-token-compositor-01";
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    FakeMetaGraph meta;
    String phoneNumberId;
    String channelId;
    String contactId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        meta = new FakeMetaGraph(FakeMetaGraph.PORT, TOKEN);
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        channelId = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId,
                "wabaId", "102290129340398", "accessToken", TOKEN, "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken",
                "verificar-compositor")).token(admin).send().json().path("id").asString();
        String inbound = WhatsAppWebhookTest.message(phoneNumberId, "50255551234", "wamid.IN-Q1",
                System.currentTimeMillis() / 1000 - 60, "text", "\"text\":{\"body\":\"¿Me manda foto del sanitario VIP?\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, inbound))
            .isEqualTo(200);
        contactId = tenantTx.read(tenant.id(), s -> jdbc.sql("select id from inbox_contacts where tenant_id = :t")
            .param("t", tenant.id()).query(UUID.class).single()).toString();
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    Response send(String key, Map<String, Object> message) {
        return api.post("/api/v1/inbox/contacts/" + contactId + "/messages", message).token(admin)
            .header("Idempotency-Key", key).send();
    }

    JsonNode thread() {
        return api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send().json();
    }

    @Test
    void theChannelsApprovedTemplatesComeFromMetaAndAreKeptAFewMinutes() {
        meta.templates.add("""
                {"name":"seguimiento_cotizacion","language":"es","category":"UTILITY","status":"APPROVED","id":"1",
                 "components":[{"type":"HEADER","format":"TEXT","text":"Cotización"},
                               {"type":"BODY","text":"Hola {{1}}, le escribimos sobre la cotización {{2}}. ¿Tiene alguna duda?"}]}""");
        meta.templates.add("""
                {"name":"bienvenida","language":"es_MX","category":"MARKETING","status":"APPROVED","id":"2",
                 "components":[{"type":"BODY","text":"¡Bienvenido a Ambiotec!"}]}""");
        meta.templates.add("""
                {"name":"promo_rechazada","language":"es","category":"MARKETING","status":"REJECTED","id":"3",
                 "components":[{"type":"BODY","text":"Descuento {{1}}"}]}""");
        JsonNode templates = api.get("/api/v1/inbox/channels/" + channelId + "/templates").token(admin).send().json();
        assertThat(templates.size()).isEqualTo(2);
        JsonNode first = templates.get(0);
        assertThat(first.path("name").asString()).isEqualTo("seguimiento_cotizacion");
        assertThat(first.path("language").asString()).isEqualTo("es");
        assertThat(first.path("category").asString()).isEqualTo("UTILITY");
        assertThat(first.path("status").asString()).isEqualTo("APPROVED");
        assertThat(first.path("body").asString()).startsWith("Hola {{1}}, le escribimos");
        assertThat(first.path("parameterCount").asInt()).isEqualTo(2);
        assertThat(templates.get(1).path("parameterCount").asInt()).isZero();

        api.get("/api/v1/inbox/channels/" + channelId + "/templates").token(admin).send();
        assertThat(meta.templateReads.get()).as("the second read comes from the cache").isEqualTo(1);

        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/channels/" + channelId + "/templates").token(them).send().status()).isEqualTo(404);
        String noWaba = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "Sin WABA", "phoneNumberId",
                String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L)), "accessToken", TOKEN,
                "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-sin-waba")).token(admin).send().json()
            .path("id").asString();
        assertThat(api.get("/api/v1/inbox/channels/" + noWaba + "/templates").token(admin).send().problemCode())
            .isEqualTo("channel-without-waba");
    }

    @Test
    void aTemplateIsKeptAsTheTextTheContactReadsWithItsName() {
        meta.templates.add("""
                {"name":"seguimiento_cotizacion","language":"es","category":"UTILITY","status":"APPROVED","id":"1",
                 "components":[{"type":"BODY","text":"Hola {{1}}, le escribimos sobre la cotización {{2}}. ¿Tiene alguna duda?"}]}""");
        Response sent = send("plantilla-1", Map.of("type", "TEMPLATE", "templateName", "seguimiento_cotizacion",
                "templateLanguage", "es", "templateParameters", java.util.List.of("Ana", "SR-000123")));
        assertThat(sent.status()).isEqualTo(201);
        String text = "Hola Ana, le escribimos sobre la cotización SR-000123. ¿Tiene alguna duda?";
        assertThat(sent.json().path("body").asString()).isEqualTo(text);
        assertThat(sent.json().path("templateName").asString()).isEqualTo("seguimiento_cotizacion");
        JsonNode shown = thread().get(0);
        assertThat(shown.path("type").asString()).isEqualTo("template");
        assertThat(shown.path("body").asString()).isEqualTo(text);
        assertThat(shown.path("templateName").asString()).isEqualTo("seguimiento_cotizacion");
        assertThat(meta.sent.get(0)).contains("\"name\":\"seguimiento_cotizacion\"", "\"text\":\"SR-000123\"");

        // one Meta no longer has (or never listed) is kept by its name
        Response unknown = send("plantilla-2", Map.of("type", "TEMPLATE", "templateName", "bienvenida_antigua"));
        assertThat(unknown.json().path("body").asString()).isEqualTo("bienvenida_antigua");
        assertThat(unknown.json().path("templateName").asString()).isEqualTo("bienvenida_antigua");
    }

    @Test
    void aPhotoIsUploadedToMetaAndSentByItsMediaIdAsAReplyToTheCustomersQuestion() {
        JsonNode file = api.upload("/api/v1/files?ownerType=inbox_message", admin, "sanitario-vip.png", "image/png", PNG).json();
        String question = thread().get(0).path("id").asString();
        Response sent = send("foto-1", Map.of("type", "IMAGE", "fileId", file.path("id").asString(), "caption",
                "Sanitario VIP con lavamanos", "replyToMessageId", question));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("status").asString()).isEqualTo("SENT");

        assertThat(meta.uploads).hasSize(1);
        FakeMetaGraph.Upload upload = meta.uploads.get(0);
        assertThat(upload.messagingProduct()).isEqualTo("whatsapp");
        assertThat(upload.type()).isEqualTo("image/png");
        assertThat(upload.filename()).isEqualTo("sanitario-vip.png");
        assertThat(upload.bytes()).isEqualTo(PNG);
        assertThat(meta.sent).hasSize(1);
        assertThat(meta.sent.get(0)).contains("\"type\":\"image\"", "\"image\":{\"id\":\"1012030405060\"",
                "\"caption\":\"Sanitario VIP con lavamanos\"", "\"context\":{\"message_id\":\"wamid.IN-Q1\"}");

        JsonNode photo = thread().get(0);
        assertThat(photo.path("type").asString()).isEqualTo("image");
        assertThat(photo.path("media").path("fileId").asString()).isEqualTo(file.path("id").asString());
        assertThat(photo.path("media").path("mediaType").asString()).isEqualTo("image/png");
        assertThat(photo.path("media").path("caption").asString()).isEqualTo("Sanitario VIP con lavamanos");
        assertThat(photo.path("replyTo").path("id").asString()).isEqualTo(question);
        assertThat(photo.path("replyTo").path("text").asString()).isEqualTo("¿Me manda foto del sanitario VIP?");
        assertThat(thread().get(1).path("replyTo").isNull()).isTrue();
        // the upload now belongs to the message
        assertThat(api.get("/api/v1/files/" + file.path("id").asString()).token(admin).send().json().path("ownerId").asString())
            .isEqualTo(photo.path("id").asString());

        // a text reply in context too
        Response text = send("texto-1", Map.of("type", "TEXT", "text", "Ese es el modelo VIP", "replyToMessageId", question));
        assertThat(meta.sent.get(1)).contains("\"context\":{\"message_id\":\"wamid.IN-Q1\"}");
        assertThat(text.json().path("replyTo").path("id").asString()).isEqualTo(question);
    }

    @Test
    void aDocumentKeepsItsFilenameAndBadMediaIsRefusedBeforeAnythingIsSent() {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String doc = api.upload("/api/v1/files?ownerType=inbox_message", admin, "cotizacion.pdf", "application/pdf", pdf)
            .json().path("id").asString();
        assertThat(send("m-1", Map.of("type", "IMAGE", "fileId", doc)).problemCode()).isEqualTo("media-type-not-allowed");
        assertThat(send("m-2", Map.of("type", "IMAGE")).problemCode()).isEqualTo("media-file-required");
        assertThat(send("m-3", Map.of("type", "DOCUMENT", "fileId", UUID.randomUUID().toString())).problemCode())
            .isEqualTo("unknown-file");
        assertThat(send("m-4", Map.of("type", "TEXT", "text", "Hola", "replyToMessageId", UUID.randomUUID().toString()))
            .problemCode()).isEqualTo("invalid-reply-to");
        assertThat(send("m-5", Map.of("type", "STICKER", "fileId", doc)).status()).isEqualTo(400);
        assertThat(meta.uploads).isEmpty();
        assertThat(meta.sent).isEmpty();

        Response sent = send("m-6", Map.of("type", "DOCUMENT", "fileId", doc, "filename", "Cotización SR-000123.pdf",
                "caption", "Su cotización"));
        assertThat(sent.json().path("status").asString()).isEqualTo("SENT");
        assertThat(meta.uploads.get(0).type()).isEqualTo("application/pdf");
        assertThat(meta.sent.get(0)).contains("\"type\":\"document\"", "\"filename\":\"Cotización SR-000123.pdf\"");
        JsonNode media = thread().get(0).path("media");
        assertThat(media.path("filename").asString()).isEqualTo("Cotización SR-000123.pdf");
        assertThat(media.path("mediaType").asString()).isEqualTo("application/pdf");

        // outside the 24-hour window a photo does not go out either
        tenantTx.run(tenant.id(), s -> jdbc.sql("update inbox_contacts set last_inbound_at = now() - interval '25 hours' where tenant_id = :t")
            .param("t", tenant.id()).update());
        assertThat(send("m-7", Map.of("type", "DOCUMENT", "fileId", doc)).problemCode()).isEqualTo("outside-24h-window");
        assertThat(meta.uploads).hasSize(1);
    }

    @Test
    void anotherTenantsFilesCannotBeSent() {
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String theirs = api.upload("/api/v1/files?ownerType=inbox_message", them, "foto.png", "image/png", PNG).json()
            .path("id").asString();
        assertThat(send("x-1", Map.of("type", "IMAGE", "fileId", theirs)).problemCode()).isEqualTo("unknown-file");
        assertThat(meta.uploads).isEmpty();
    }
}
