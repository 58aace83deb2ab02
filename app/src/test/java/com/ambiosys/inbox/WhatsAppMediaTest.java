package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

/** Inbound media is fetched from (a fake of) Meta at once, checked against its sha256, retried when Meta fails. */
class WhatsAppMediaTest extends TenantApiTest {

    static final String TOKEN = "EAAG-token-de-medios-0001";
    // a 1×1 PNG
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    FakeMetaGraph meta;
    String phoneNumberId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        meta = new FakeMetaGraph(FakeMetaGraph.PORT, TOKEN);
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId,
                "accessToken", TOKEN, "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-medios")).token(admin)
            .send();
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    void receive(String from, String id, long timestamp, String type, String content) throws Exception {
        String body = WhatsAppWebhookTest.message(phoneNumberId, from, id, timestamp, type, content);
        int status = WhatsAppWebhookTest.deliver(http, port, body);
        assertThat(status).isEqualTo(200);
    }

    Map<String, Object> row(String externalId) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select m.file_id, m.processed_at, m.attempts, m.last_error, f.sha256, f.media_type
                  from inbox_messages m left join stored_files f on f.tenant_id = m.tenant_id and f.id = m.file_id
                 where m.tenant_id = :t and m.external_id = :e
                """).param("t", tenant.id()).param("e", externalId).query().singleRow());
    }

    @Test
    void anImageIsDownloadedIntoFilesWithItsHashChecked() throws Exception {
        meta.media.put("MEDIA-OK", new FakeMetaGraph.Media(PNG, "image/png", 0, false));
        receive("50255551234", "wamid.IMG1", 1_763_800_000L, "image",
                "\"image\":{\"id\":\"MEDIA-OK\",\"mime_type\":\"image/png\",\"caption\":\"Así está la fosa\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row("wamid.IMG1").get("processed_at")).isNotNull());
        Map<String, Object> stored = row("wamid.IMG1");
        assertThat(stored.get("file_id")).isNotNull();
        assertThat(stored.get("sha256")).isEqualTo(FakeMetaGraph.sha256(PNG));
        assertThat(stored.get("media_type")).isEqualTo("image/png");
    }

    @Test
    void whenMetaAnswers500TheDownloadIsRetriedAndTheContactsNextMessagesWait() throws Exception {
        meta.media.put("MEDIA-FLAKY", new FakeMetaGraph.Media(PNG, "image/png", 2, false));
        receive("50255559999", "wamid.FLAKY", 1_763_800_000L, "image", "\"image\":{\"id\":\"MEDIA-FLAKY\",\"mime_type\":\"image/png\"}");
        receive("50255559999", "wamid.AFTER", 1_763_800_005L, "text", "\"text\":{\"body\":\"¿Recibieron la foto?\"}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(row("wamid.FLAKY").get("file_id")).isNotNull());
        assertThat(meta.calls.get("MEDIA-FLAKY").get()).isEqualTo(3);
        assertThat(row("wamid.FLAKY").get("attempts")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row("wamid.AFTER").get("processed_at")).isNotNull());
        assertThat(((java.sql.Timestamp) row("wamid.AFTER").get("processed_at")))
            .isAfterOrEqualTo((java.sql.Timestamp) row("wamid.FLAKY").get("processed_at"));
    }

    @Test
    void aHashThatDoesNotMatchIsNotAcceptedAndTheMessageWaits() throws Exception {
        meta.media.put("MEDIA-BAD", new FakeMetaGraph.Media(PNG, "image/png", 0, true));
        receive("50255558888", "wamid.BAD", 1_763_800_000L, "image", "\"image\":{\"id\":\"MEDIA-BAD\",\"mime_type\":\"image/png\"}");
        receive("50255558888", "wamid.NEXT", 1_763_800_001L, "text", "\"text\":{\"body\":\"Hola\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row("wamid.BAD").get("attempts")).isEqualTo(2));
        Map<String, Object> bad = row("wamid.BAD");
        assertThat(bad.get("file_id")).isNull();
        assertThat(bad.get("processed_at")).isNull();
        assertThat((String) bad.get("last_error")).contains("sha256");
        assertThat(row("wamid.NEXT").get("processed_at")).isNull(); // in order: it waits for the image
    }

    @Test
    void aPhotoACustomerSentIsSeenByWhoMayReadTheInboxAndNotFoundForStaffWhoMayNot() throws Exception {
        meta.media.put("MEDIA-SEEN", new FakeMetaGraph.Media(PNG, "image/png", 0, false));
        receive("50255557777", "wamid.SEEN", 1_763_800_000L, "image", "\"image\":{\"id\":\"MEDIA-SEEN\",\"mime_type\":\"image/png\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row("wamid.SEEN").get("file_id")).isNotNull());
        String file = row("wamid.SEEN").get("file_id").toString();
        String message = tenantTx.read(tenant.id(), s -> jdbc.sql("select id from inbox_messages where external_id = 'wamid.SEEN'")
            .query(java.util.UUID.class).single()).toString();
        String owner = "/api/v1/files?ownerType=inbox_message&ownerId=" + message;
        tenants.addUser(tenant, "agente", SystemRole.AGENT);
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN); // files:view, but not inbox:view
        String agent = api.login(tenant.email("agente"), TestTenants.PASSWORD);
        String technician = api.login(tenant.email("tecnico"), TestTenants.PASSWORD);

        assertThat(api.get("/api/v1/files/" + file).token(agent).send().status()).isEqualTo(200);
        assertThat(api.get(owner).token(agent).send().json().size()).isEqualTo(1);
        assertThat(api.post("/api/v1/files/" + file + "/link", null).token(agent).send().status()).isEqualTo(200);

        assertThat(api.get("/api/v1/files/" + file).token(technician).send().status()).isEqualTo(404);
        assertThat(api.get(owner).token(technician).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/files/" + file + "/link", null).token(technician).send().status()).isEqualTo(404);
    }
}
