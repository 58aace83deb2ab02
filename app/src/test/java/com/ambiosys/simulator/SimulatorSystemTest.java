package com.ambiosys.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/**
 * The WhatsApp simulator end to end over HTTP: the tester writes as a phone (a signed webhook into the
 * platform), the platform's agent replies through the inbox's send API (which goes to the simulator's
 * Graph endpoints for a simulated channel), statuses come back as webhooks, media is downloaded for real.
 */
class SimulatorSystemTest extends TenantApiTest {

    static final String TOKEN = "EAAG-simulado-" + UUID.randomUUID();
    // a 1×1 PNG
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    final HttpClient http = HttpClient.newHttpClient();
    @org.springframework.beans.factory.annotation.Autowired
    StatusReports statusReports;
    String phoneNumberId;
    String channelId;
    String phoneId;

    @BeforeEach
    void simulatedChannelAndPhone() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        Response channel = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp (simulador)",
                "phoneNumberId", phoneNumberId, "displayPhone", "+502 2200 0000", "accessToken", TOKEN,
                "appSecret", "secreto-de-la-app-simulada", "verifyToken", "verificar-simulador", "simulated", true))
            .token(admin).send();
        assertThat(channel.status()).isEqualTo(201);
        assertThat(channel.json().path("simulated").asBoolean()).isTrue();
        channelId = channel.json().path("id").asString();
        Response phone = api.post("/api/v1/simulator/channels/" + channelId + "/phones",
                Map.of("phone", "+50255127788", "profileName", "Andrea Lucía Sandoval")).token(admin).send();
        assertThat(phone.status()).isEqualTo(201);
        phoneId = phone.json().path("id").asString();
    }

    Response sendAsPhone(Map<String, Object> message) {
        return api.post("/api/v1/simulator/phones/" + phoneId + "/messages", message).token(admin).send();
    }

    JsonNode thread() {
        Response r = api.get("/api/v1/simulator/phones/" + phoneId + "/messages").token(admin).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    JsonNode lastOut() {
        JsonNode last = null;
        for (JsonNode m : thread()) {
            if ("OUT".equals(m.path("direction").asString())) {
                last = m;
            }
        }
        return last;
    }

    Map<String, Object> platformMessage(String externalId) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select m.type, m.body, m.status, m.context_id, m.conversation_id, m.processed_at, m.file_id, f.sha256
                  from inbox_messages m left join stored_files f on f.tenant_id = m.tenant_id and f.id = m.file_id
                 where m.tenant_id = :t and m.external_id = :e
                """).param("t", tenant.id()).param("e", externalId).query().singleRow());
    }

    String contactId() {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select id from inbox_contacts where tenant_id = :t and external_id = '50255127788'")
            .param("t", tenant.id()).query(UUID.class).single()).toString();
    }

    Response reply(String key, Map<String, Object> message) {
        return api.post("/api/v1/inbox/contacts/" + contactId() + "/messages", message).token(admin)
            .header("Idempotency-Key", key).send();
    }

    @Test
    void aTextFromThePhoneReachesThePlatformAndTheAgentsReplyComesBackUntilRead() {
        Response sent = sendAsPhone(Map.of("type", "TEXT", "text", "Buenas tardes, ¿tienen sanitarios para una boda en Antigua?"));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("status").asString()).isEqualTo("ACCEPTED");
        String wamid = sent.json().path("wamid").asString();
        Map<String, Object> stored = platformMessage(wamid);
        assertThat(stored.get("type")).isEqualTo("text");
        assertThat(stored.get("body")).isEqualTo("Buenas tardes, ¿tienen sanitarios para una boda en Antigua?");
        assertThat(stored.get("conversation_id")).isNotNull();
        Long conversations = tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from inbox_conversations where tenant_id = :t")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(conversations).isEqualTo(1);

        Response answer = reply("r-1", Map.of("type", "TEXT", "text", "¡Claro! ¿Para cuántas personas?"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("status").asString()).isEqualTo("SENT");
        String outId = answer.json().path("externalId").asString();
        assertThat(outId).startsWith("wamid.");
        JsonNode out = lastOut();
        assertThat(out.path("wamid").asString()).isEqualTo(outId);
        assertThat(out.path("body").asString()).isEqualTo("¡Claro! ¿Para cuántas personas?");
        assertThat(out.path("payload").path("to").asString()).isEqualTo("50255127788");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(platformMessage(outId).get("status")).isEqualTo("DELIVERED");
            assertThat(lastOut().path("status").asString()).isEqualTo("DELIVERED");
        });
        Response read = api.post("/api/v1/simulator/phones/" + phoneId + "/read", Map.of()).token(admin).send();
        assertThat(read.json().path("read").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(platformMessage(outId).get("status")).isEqualTo("READ"));
        assertThat(lastOut().path("status").asString()).isEqualTo("READ");
    }

    @Test
    void whatThePhoneWroteShowsBlueTicksWhenAnAgentOpensTheConversation() {
        String first = sendAsPhone(Map.of("type", "TEXT", "text", "Hola")).json().path("wamid").asString();
        String second = sendAsPhone(Map.of("type", "TEXT", "text", "¿Tienen sanitarios VIP?")).json().path("wamid").asString();
        assertThat(thread().valueStream().filter(m -> "IN".equals(m.path("direction").asString()))
            .map(m -> m.path("status").asString()).toList()).containsExactly("ACCEPTED", "ACCEPTED");
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0)
            .path("id").asString();

        Response opened = api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send();
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("read").asInt()).isEqualTo(2);
        assertThat(thread().valueStream().filter(m -> "IN".equals(m.path("direction").asString()))
            .map(m -> m.path("wamid").asString() + "=" + m.path("status").asString()).toList())
            .containsExactly(first + "=READ", second + "=READ");
        assertThat(platformMessage(second).get("status")).isEqualTo("READ");
    }

    @Test
    void theSimulatedGraphRefusesAReceiptForAMessageTheChannelDoesNotHave() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/simulator/graph/v23.0/" + phoneNumberId + "/messages")).header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                    + "\"message_id\":\"wamid.NO-EXISTE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"code\":100");
    }

    @Test
    void statusesThatALostTimerDidNotPostAreReportedByTheSweep() {
        assertThat(sendAsPhone(Map.of("type", "TEXT", "text", "¿A qué hora llega el camión?")).status()).isEqualTo(201);
        String outId = reply("r-lost", Map.of("type", "TEXT", "text", "Mañana a las 8:00, en la garita."))
            .json().path("externalId").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reported(outId)).isEqualTo("DELIVERED"));
        // as if the app had stopped right after the send: no status reached the platform, and a minute has passed
        tenantTx.run(tenant.id(), s -> {
            jdbc.sql("""
                    update simulator_messages set reported = null, status = 'SENT', created_at = created_at - interval '1 minute'
                     where tenant_id = :t and wamid = :w
                    """).param("t", tenant.id()).param("w", outId).update();
            jdbc.sql("update inbox_messages set status = 'SENT' where tenant_id = :t and external_id = :w")
                .param("t", tenant.id()).param("w", outId).update();
        });
        // a message younger than the grace period is left to its timers
        String youngId = reply("r-young", Map.of("type", "TEXT", "text", "Le avisamos al salir.")).json()
            .path("externalId").asString();
        assertThat(unreported()).contains(outId).doesNotContain(youngId);

        assertThat(statusReports.reportMissed()).isPositive();
        assertThat(platformMessage(outId).get("status")).isEqualTo("DELIVERED");
        assertThat(reported(outId)).isEqualTo("DELIVERED");
        JsonNode lost = thread().valueStream().filter(m -> outId.equals(m.path("wamid").asString())).findFirst().orElseThrow();
        assertThat(lost.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(unreported()).doesNotContain(outId); // reported once
    }

    String reported(String wamid) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select reported from simulator_messages where tenant_id = :t and wamid = :w")
            .param("t", tenant.id()).param("w", wamid).query(String.class).optional().orElse(null));
    }

    /** What the sweep would report now (every tenant's). */
    List<String> unreported() {
        return jdbc.sql("select wamid from simulator_unreported(now() - interval '1 day', now() - interval '10 seconds', 1000)")
            .query(String.class).list();
    }

    @Test
    void aPhotoIsDownloadedByThePlatformThroughTheSimulatedGraphWithItsHash() {
        Response sent = api.upload("/api/v1/simulator/phones/" + phoneId + "/images", admin, "fosa.png", "image/png", PNG);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().path("status").asString()).isEqualTo("ACCEPTED");
        String wamid = sent.json().path("wamid").asString();
        String mediaId = sent.json().path("payload").path("image").path("id").asString();
        assertThat(mediaId).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platformMessage(wamid).get("file_id")).isNotNull());
        assertThat(platformMessage(wamid).get("sha256")).isEqualTo(CloudIds.sha256(PNG));
        assertThat(platformMessage(wamid).get("type")).isEqualTo("image");

        // the page shows it too; not a photo: refused
        Response media = api.get("/api/v1/simulator/phones/" + phoneId + "/messages/" + sent.json().path("id").asString() + "/media")
            .token(admin).send();
        assertThat(media.status()).isEqualTo(200);
        assertThat(media.header("content-type")).startsWith("image/png");
        Response notImage = api.upload("/api/v1/simulator/phones/" + phoneId + "/images", admin, "nota.txt", "image/png",
                "no es una foto".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.problemCode()).isEqualTo("simulator-invalid-image");
    }

    @Test
    void aButtonReplyAnswersTheButtonsThePlatformSent() {
        sendAsPhone(Map.of("type", "TEXT", "text", "Necesito limpieza de fosa séptica"));
        Response buttons = reply("b-1", Map.of("type", "BUTTONS", "text", "¿Confirmamos la visita para el jueves?",
                "buttons", List.of(Map.of("id", "CONFIRM_VISIT", "title", "Confirmar"), Map.of("id", "OTHER_DAY", "title", "Otro día"))));
        assertThat(buttons.status()).isEqualTo(201);
        JsonNode asked = lastOut();
        assertThat(asked.path("type").asString()).isEqualTo("interactive");
        assertThat(asked.path("payload").path("interactive").path("action").path("buttons")).hasSize(2);

        Response wrong = sendAsPhone(Map.of("type", "BUTTON_REPLY", "replyTo", asked.path("id").asString(), "optionId", "NOPE"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemCode()).isEqualTo("simulator-not-a-choice");

        Response tapped = sendAsPhone(Map.of("type", "BUTTON_REPLY", "replyTo", asked.path("id").asString(), "optionId", "CONFIRM_VISIT"));
        assertThat(tapped.status()).isEqualTo(201);
        assertThat(tapped.json().path("payload").path("interactive").path("button_reply").path("title").asString()).isEqualTo("Confirmar");
        Map<String, Object> stored = platformMessage(tapped.json().path("wamid").asString());
        assertThat(stored.get("type")).isEqualTo("interactive");
        assertThat(stored.get("body")).isEqualTo("Confirmar");
        assertThat(stored.get("context_id")).isEqualTo(buttons.json().path("externalId").asString());

        Response location = sendAsPhone(Map.of("type", "LOCATION", "latitude", 13.6769, "longitude", -89.2797,
                "name", "Residencial Las Palmeras", "address", "Santa Tecla, La Libertad"));
        assertThat(location.status()).isEqualTo(201);
        assertThat(platformMessage(location.json().path("wamid").asString()).get("type")).isEqualTo("location");
    }

    @Test
    void thePlatformsTemplatesAndMediaSendsGoThroughTheSimulatedGraph() {
        Response waba = api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp (simulador)",
                "phoneNumberId", phoneNumberId, "wabaId", "2" + phoneNumberId)).token(admin).send();
        assertThat(waba.status()).as(waba.text()).isEqualTo(200);
        Response listed = api.get("/api/v1/inbox/channels/" + channelId + "/templates").token(admin).send();
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        JsonNode templates = listed.json();
        assertThat(templates.valueStream().map(t -> t.path("name").asString()).toList())
            .containsExactly("recordatorio_visita", "cotizacion_enviada", "seguimiento_servicio"); // the rejected one is not offered
        assertThat(templates.path(0).path("parameterCount").asInt()).isEqualTo(3);

        sendAsPhone(Map.of("type", "TEXT", "text", "¿Me manda una foto del sanitario VIP?"));
        JsonNode file = api.upload("/api/v1/files?ownerType=inbox_message", admin, "sanitario-vip.png", "image/png", PNG).json();
        Response photo = reply("foto-1", Map.of("type", "IMAGE", "fileId", file.path("id").asString(), "caption", "Así es el VIP"));
        assertThat(photo.status()).isEqualTo(201);
        assertThat(photo.json().path("status").asString()).isEqualTo("SENT");
        JsonNode out = lastOut();
        assertThat(out.path("type").asString()).isEqualTo("image");
        assertThat(out.path("body").asString()).isEqualTo("Así es el VIP");
        assertThat(out.path("mediaType").asString()).isEqualTo("image/png");
        Response bytes = api.get("/api/v1/simulator/phones/" + phoneId + "/messages/" + out.path("id").asString() + "/media")
            .token(admin).send();
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.header("content-type")).startsWith("image/png");
    }

    @Test
    void theSimulatedGraphAnswersABadTokenAndAnUnknownNumberAlike() throws Exception {
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"50255127788\",\"type\":\"text\",\"text\":{\"body\":\"Hola\"}}";
        HttpResponse<String> badToken = graphPost(phoneNumberId, "Bearer otro-token-cualquiera", body);
        assertThat(badToken.statusCode()).isEqualTo(401);
        JsonNode error = tools.jackson.databind.json.JsonMapper.builder().build().readTree(badToken.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(190);
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("fbtrace_id").asString()).isNotBlank();

        // an unknown number with a token that is some channel's: the same answer, so ids cannot be probed
        HttpResponse<String> unknown = graphPost("999999999999999", "Bearer " + TOKEN, body);
        assertThat(unknown.statusCode()).isEqualTo(401);
        JsonNode unknownError = tools.jackson.databind.json.JsonMapper.builder().build().readTree(unknown.body()).path("error");
        assertThat(unknownError.path("code").asInt()).isEqualTo(190);
        assertThat(unknownError.path("message").asString()).isEqualTo(error.path("message").asString());

        HttpResponse<String> ok = graphPost(phoneNumberId, "Bearer " + TOKEN, body);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode answer = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ok.body());
        assertThat(answer.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(answer.path("contacts").path(0).path("wa_id").asString()).isEqualTo("50255127788");
        assertThat(answer.path("messages").path(0).path("id").asString()).startsWith("wamid.");

        HttpResponse<String> media = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/simulator/graph/v23.0/123456789")).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(media.statusCode()).isEqualTo(401);
        HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/simulator/media/123456789")).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(401);
    }

    /**
     * Failed authentications are limited per client IP (200 a minute in tests): past them, even a good token
     * from that IP is refused before any lookup, while other IPs (here the platform's own, 127.0.0.1) are not.
     * The stranger calls from 127.0.0.2, another loopback address, so its bucket is its own.
     */
    @Test
    void anIpThatSpendsItsFailedAttemptsIsRefusedWhileOthersAreNot() throws Exception {
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"50255127788\",\"type\":\"text\",\"text\":{\"body\":\"Hola\"}}";
        String path = "/simulator/graph/v23.0/" + phoneNumberId + "/messages";
        for (int i = 0; i < 200; i++) {
            assertThat(rawPost("127.0.0.2", path, "Bearer adivinanza-" + i, body)).as("attempt " + i).startsWith("HTTP/1.1 401");
        }
        assertThat(rawPost("127.0.0.2", path, "Bearer adivinanza-final", body)).startsWith("HTTP/1.1 429")
            .contains("\"code\":4");
        assertThat(rawPost("127.0.0.2", path, "Bearer " + TOKEN, body)).startsWith("HTTP/1.1 429");
        assertThat(graphPost(phoneNumberId, "Bearer " + TOKEN, body).statusCode()).isEqualTo(200);
    }

    String rawPost(String from, String path, String authorization, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    HttpResponse<String> graphPost(String number, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/graph/v23.0/" + number + "/messages"))
            .header("Authorization", authorization).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChannelStaysRealOrSimulatedAsItWasCreated() {
        Response real = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp real", "phoneNumberId",
                String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L)), "accessToken",
                "EAAG-token-real-0002", "appSecret", "secreto-real-0002", "verifyToken", "verificar-real")).token(admin).send();
        assertThat(real.status()).isEqualTo(201);
        String realId = real.json().path("id").asString();
        Response toSimulated = api.put("/api/v1/inbox/channels/" + realId + "/whatsapp", Map.of("name", "WhatsApp real",
                "phoneNumberId", real.json().path("phoneNumberId").asString(), "simulated", true)).token(admin).send();
        assertThat(toSimulated.status()).isEqualTo(409);
        assertThat(toSimulated.problemCode()).isEqualTo("channel-simulated-fixed");
        assertThat(api.get("/api/v1/inbox/channels/" + realId).token(admin).send().json().path("simulated").asBoolean()).isFalse();

        Response toReal = api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp (simulador)",
                "phoneNumberId", phoneNumberId, "simulated", false)).token(admin).send();
        assertThat(toReal.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/inbox/channels/" + channelId).token(admin).send().json().path("simulated").asBoolean()).isTrue();

        Response unchangedFlag = api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "Simulador 2",
                "phoneNumberId", phoneNumberId, "simulated", true)).token(admin).send();
        assertThat(unchangedFlag.status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsChannelsAndPhonesAre404AndOnlySimulatedChannelsAreListed() {
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/simulator/channels/" + channelId + "/phones").token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/simulator/phones/" + phoneId + "/messages").token(otherAdmin).send().status()).isEqualTo(404);
        Response foreign = api.post("/api/v1/simulator/phones/" + phoneId + "/messages", Map.of("type", "TEXT", "text", "Hola"))
            .token(otherAdmin).send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemCode()).isEqualTo("not-found");
        assertThat(api.get("/api/v1/simulator/channels").token(otherAdmin).send().json()).isEmpty();

        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp real", "phoneNumberId",
                String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L)), "accessToken",
                "EAAG-token-real-0001", "appSecret", "secreto-real-0001", "verifyToken", "verificar-real")).token(admin).send();
        JsonNode mine = api.get("/api/v1/simulator/channels").token(admin).send().json();
        assertThat(mine).hasSize(1);
        assertThat(mine.path(0).path("id").asString()).isEqualTo(channelId);
    }

    @Test
    void theDemoTenantHasASimulatedChannelWhoseConversationsTheInboxTook() {
        String demoAdmin = api.login("admin@ambiotec.example", "Demo-Admin-2026!");
        JsonNode channels = api.get("/api/v1/simulator/channels").token(demoAdmin).send().json();
        assertThat(channels).hasSize(1);
        assertThat(channels.path(0).path("name").asString()).isEqualTo("WhatsApp Ambiotec (simulador)");
        assertThat(channels.path(0).path("displayPhone").asString()).isEqualTo("+502 2200 0000");
        JsonNode phones = api.get("/api/v1/simulator/channels/" + channels.path(0).path("id").asString() + "/phones")
            .token(demoAdmin).send().json();
        // other tests (the browser's acceptance test) may add phones to the demo channel: the seeded three are there
        assertThat(phones.valueStream().map(p -> p.path("phone").asString()).toList())
            .contains("+50255127788", "+50378451203", "+50241889020");
        JsonNode andrea = phones.valueStream().filter(p -> p.path("phone").asString().equals("+50255127788")).findFirst().orElseThrow();
        JsonNode thread = api.get("/api/v1/simulator/phones/" + andrea.path("id").asString() + "/messages").token(demoAdmin)
            .send().json();
        assertThat(thread.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) { // the seeded messages, the oldest, were taken by the inbox
            assertThat(thread.path(i).path("direction").asString()).isEqualTo("IN");
            assertThat(thread.path(i).path("status").asString()).isEqualTo("ACCEPTED");
        }
        UUID demo = jdbc.sql("select id from tenants where slug = 'ambiotec-demo'").query(UUID.class).single();
        Long stored = tenantTx.read(demo, s -> jdbc.sql("""
                select count(*) from inbox_messages m join inbox_contacts k on k.tenant_id = m.tenant_id and k.id = m.contact_id
                 where m.tenant_id = :t and k.external_id in ('50255127788', '50378451203', '50241889020')
                   and m.direction = 'IN' and m.conversation_id is not null
                """).param("t", demo).query(Long.class).single());
        assertThat(stored).isGreaterThanOrEqualTo(7);
    }

    @Test
    void phonesAreValidatedAndTheSimulatorNeedsItsPermission() {
        Response bad = api.post("/api/v1/simulator/channels/" + channelId + "/phones", Map.of("phone", "5555", "profileName", "X"))
            .token(admin).language("en").send();
        assertThat(bad.status()).isEqualTo(400);
        Response twice = api.post("/api/v1/simulator/channels/" + channelId + "/phones",
                Map.of("phone", "+50255127788", "profileName", "Otra vez")).token(admin).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("simulator-phone-exists");
        assertThat(api.get("/api/v1/simulator/channels/" + channelId + "/phones").token(admin).send().json()).hasSize(1);

        tenants.addUser(tenant, "agente", com.ambiosys.identity.SystemRole.AGENT);
        String agent = api.login(tenant.email("agente"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/simulator/channels").token(agent).send().status()).isEqualTo(403);
    }
}
