package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

/** Sending to WhatsApp through (a fake of) Meta's Cloud API: the 24-hour window, idempotency, errors, statuses. */
class WhatsAppSendTest extends TenantApiTest {

    static final String TOKEN = "EAAG-token-de-envio-0001";
    FakeMetaGraph meta;
    String phoneNumberId;
    String contactId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        meta = new FakeMetaGraph(FakeMetaGraph.PORT, TOKEN);
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId,
                "accessToken", TOKEN, "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-envios")).token(admin)
            .send();
        String inbound = WhatsAppWebhookTest.message(phoneNumberId, "50255551234", "wamid.IN1",
                System.currentTimeMillis() / 1000 - 60, "text", "\"text\":{\"body\":\"Buenas, ¿tienen sanitarios?\"}");
        webhook(inbound);
        contactId = tenantTx.read(tenant.id(), s -> jdbc.sql("select id from inbox_contacts where tenant_id = :t")
            .param("t", tenant.id()).query(UUID.class).single()).toString();
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    void webhook(String body) throws Exception {
        assertThat(WhatsAppWebhookTest.deliver(http, port, body))
            .isEqualTo(200);
    }

    Response send(String key, Map<String, Object> message) {
        return api.post("/api/v1/inbox/contacts/" + contactId + "/messages", message).token(admin)
            .header("Idempotency-Key", key).send();
    }

    @Test
    void aReplyIsSentOnceHoweverOftenItIsPosted() throws Exception {
        Response first = send("k-1", Map.of("type", "TEXT", "text", "¡Claro! ¿Para qué fecha?"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("SENT");
        assertThat(first.json().path("externalId").asString()).isEqualTo("wamid.OUT1");
        assertThat(meta.sent).hasSize(1);
        assertThat(meta.sent.get(0)).contains("\"to\":\"50255551234\"", "\"type\":\"text\"", "¡Claro! ¿Para qué fecha?");

        Response again = send("k-1", Map.of("type", "TEXT", "text", "¡Claro! ¿Para qué fecha?"));
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> doubleClicks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            doubleClicks.add(() -> send("k-2", Map.of("type", "BUTTONS", "text", "¿Confirmamos la visita?", "buttons",
                    List.of(Map.of("id", "CONFIRM_VISIT", "title", "Confirmar"), Map.of("id", "OTHER_DAY", "title", "Otro día"))))
                .status());
        }
        for (Future<Integer> f : pool.invokeAll(doubleClicks)) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        assertThat(meta.sent).hasSize(2);
        assertThat(meta.sent.get(1)).contains("\"type\":\"interactive\"", "\"CONFIRM_VISIT\"");
        assertThat(send("", Map.of("type", "TEXT", "text", "x")).problemCode()).isEqualTo("idempotency-key-required");

        // statuses from Meta move it forward
        String status = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                 "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1763800030","recipient_id":"50255551234"}]}}]}]}
                """.formatted(phoneNumberId);
        webhook(status);
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.OUT1")).isEqualTo("DELIVERED");
        assertThat(thread.size()).isEqualTo(3); // the inbound message and the two replies
    }

    @Test
    void aStatusThatOvertakesTheSendsAnswerIsAppliedWhenTheIdIsStored() throws Exception {
        // Meta's webhook for the message it is about to call wamid.OUT1 arrives before the send's answer is stored
        String early = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                 "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1763800030","recipient_id":"50255551234"}]}}]}]}
                """.formatted(phoneNumberId);
        webhook(early);
        Response sent = send("early-1", Map.of("type", "TEXT", "text", "Confirmado para el sábado"));
        assertThat(sent.json().path("externalId").asString()).isEqualTo("wamid.OUT1");
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.OUT1")).isEqualTo("DELIVERED");
        long pending = tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from inbox_pending_statuses where tenant_id = :t")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(pending).isZero();
    }

    @Test
    void outsideThe24HourWindowOnlyATemplateGoesOut() {
        tenantTx.run(tenant.id(), s -> jdbc.sql("update inbox_contacts set last_inbound_at = now() - interval '25 hours' where tenant_id = :t")
            .param("t", tenant.id()).update());
        Response text = send("late-1", Map.of("type", "TEXT", "text", "¿Sigue interesado?"));
        assertThat(text.status()).isEqualTo(409);
        assertThat(text.problemCode()).isEqualTo("outside-24h-window");
        assertThat(meta.sent).isEmpty();
        Response template = send("late-2", Map.of("type", "TEMPLATE", "templateName", "seguimiento_cotizacion",
                "templateLanguage", "es", "templateParameters", List.of("Ana", "SR-000123")));
        assertThat(template.status()).isEqualTo(201);
        assertThat(meta.sent).hasSize(1);
        assertThat(meta.sent.get(0)).contains("\"template\"", "\"seguimiento_cotizacion\"", "\"SR-000123\"");
    }

    @Test
    void badMessagesAreRefusedAndMetasErrorsAreKept() {
        assertThat(send("b-1", Map.of("type", "BUTTONS", "text", "Elija", "buttons", List.of(Map.of("id", "1", "title", "Uno"),
                Map.of("id", "2", "title", "Dos"), Map.of("id", "3", "title", "Tres"), Map.of("id", "4", "title", "Cuatro"))))
            .problemCode()).isEqualTo("invalid-buttons");
        assertThat(send("b-2", Map.of("type", "BUTTONS", "text", "Elija", "buttons",
                List.of(Map.of("id", "1", "title", "Un título demasiado largo"))))
            .problemCode()).isEqualTo("invalid-buttons");
        assertThat(send("b-3", Map.of("type", "TEXT", "text", "x".repeat(4097))).status()).isEqualTo(400);
        assertThat(meta.sent).isEmpty();

        meta.sendError = "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,"
                + "\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than 24 hours have passed\"}}}";
        Response failed = send("b-4", Map.of("type", "TEXT", "text", "Hola"));
        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().path("error").path("code").asInt()).isEqualTo(131047);
    }

    @Test
    void listsAndButtonsBeyondMetasLimitsAreRefusedWithAProblemAndNothingIsSent() {
        Map<String, Object> row = Map.of("id", "fosa", "title", "Fosa séptica");
        List<Map<String, Object>> elevenRows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenRows.add(Map.of("id", "r" + i, "title", "Fila " + i));
        }
        Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
        refused.put("eleven rows", list("Servicios", List.of(Map.of("title", "Todo", "rows", elevenRows))));
        refused.put("two sections without titles", list("Servicios", List.of(Map.of("rows", List.of(row)),
                Map.of("rows", List.of(Map.of("id", "ptar", "title", "PTAR"))))));
        refused.put("a section title of 25 characters", list("Servicios", List.of(Map.of("title", "x".repeat(25), "rows", List.of(row)),
                Map.of("title", "Otros", "rows", List.of(Map.of("id", "ptar", "title", "PTAR"))))));
        refused.put("a row id twice", list("Servicios", List.of(Map.of("title", "A", "rows", List.of(row)),
                Map.of("title", "B", "rows", List.of(row)))));
        refused.put("a row description of 73 characters", list("Servicios", List.of(Map.of("rows",
                List.of(Map.of("id", "fosa", "title", "Fosa", "description", "d".repeat(73)))))));
        refused.put("a section without rows", list("Servicios", List.of(Map.of("title", "Vacía", "rows", List.of()))));
        int n = 0;
        for (Map.Entry<String, Map<String, Object>> bad : refused.entrySet()) {
            Response r = send("lim-" + n++, bad.getValue());
            assertThat(r.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.problemCode()).as(bad.getKey()).isEqualTo("invalid-list");
        }
        assertThat(send("lim-lb", list("b".repeat(21), List.of(Map.of("rows", List.of(row))))).status())
            .as("a list button of 21 characters").isEqualTo(400);
        Response twice = send("lim-b", Map.of("type", "BUTTONS", "text", "¿Confirmamos?", "buttons",
                List.of(Map.of("id", "si", "title", "Sí"), Map.of("id", "si2", "title", "sí"))));
        assertThat(twice.problemCode()).as("two buttons alike").isEqualTo("invalid-buttons");
        assertThat(meta.sent).isEmpty();

        Response sent = send("lim-ok", list("Ver servicios", List.of(Map.of("title", "Saneamiento", "rows", List.of(row)),
                Map.of("title", "Alquiler", "rows", List.of(Map.of("id", "vip", "title", "Sanitario VIP", "description",
                        "Con lavamanos"))))));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(meta.sent.get(0)).contains("\"type\":\"list\"", "\"button\":\"Ver servicios\"",
                "\"title\":\"Saneamiento\"", "\"title\":\"Alquiler\"", "\"description\":\"Con lavamanos\"");
    }

    private static Map<String, Object> list(String button, List<Map<String, Object>> sections) {
        return Map.of("type", "LIST", "text", "¿Qué servicio necesita?", "listButton", button, "sections", sections);
    }

    @Test
    void openingTheConversationReportsTheContactsMessagesReadOnWhatsAppOnce() throws Exception {
        webhook(WhatsAppWebhookTest.message(phoneNumberId, "50255551234", "wamid.IN2", System.currentTimeMillis() / 1000 - 30,
                "text", "\"text\":{\"body\":\"¿Y para el domingo?\"}"));
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0).path("id")
            .asString();
        Response opened = api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send();
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("read").asInt()).isEqualTo(2);
        assertThat(meta.reads).as("the latest one: Meta marks the earlier ones read with it").containsExactly("wamid.IN2");
        assertThat(meta.sent).as("a receipt is not a message").isEmpty();
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.IN1")).isEqualTo("READ");
        assertThat(thread.statusOf("wamid.IN2")).isEqualTo("READ");

        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send().json()
            .path("read").asInt()).as("opened again: nothing new to report").isZero();
        assertThat(meta.reads).hasSize(1);
        webhook(WhatsAppWebhookTest.message(phoneNumberId, "50255551234", "wamid.IN3", System.currentTimeMillis() / 1000,
                "text", "\"text\":{\"body\":\"Gracias\"}"));
        api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send();
        assertThat(meta.reads).containsExactly("wamid.IN2", "wamid.IN3");

        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(them).send().status())
            .isEqualTo(404);
    }

    @Test
    void aReceiptWhatsAppCouldNotTakeForNowGoesAgainNextTime() {
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0).path("id")
            .asString();
        meta.sendError = "{\"error\":{\"message\":\"(#131000) Something went wrong\",\"type\":\"OAuthException\",\"code\":131000}}";
        meta.sendErrorStatus = 500;
        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send().json()
            .path("read").asInt()).isZero();
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.IN1")).isEqualTo("RECEIVED");
        meta.sendError = null;
        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send().json()
            .path("read").asInt()).isEqualTo(1);
        assertThat(meta.reads).containsExactly("wamid.IN1");
    }

    @Test
    void aReceiptWhatsAppRefusesForGoodIsReadHereAndNotSentAtEveryOpening() {
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0).path("id")
            .asString();
        meta.sendError = "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}";
        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send().json()
            .path("read").asInt()).isEqualTo(1);
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.IN1")).isEqualTo("READ");
        meta.sendError = null;
        assertThat(api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(admin).send().json()
            .path("read").asInt()).isZero();
        assertThat(meta.reads).as("not asked again").isEmpty();
    }

    @Test
    void whoOnlyLooksAtTheInboxGivesNoBlueTicks() {
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0).path("id")
            .asString();
        String lookerRole = api.post("/api/v1/roles", Map.of("code", "MIRON", "name", "Mirón",
                "permissions", List.of("inbox:view"))).token(admin).send().json().path("id").asString();
        UUID looker = tenants.addUser(tenant, "miron", com.ambiosys.identity.SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/users/" + looker + "/roles", Map.of("roleIds", List.of(lookerRole))).token(admin).send()
            .status()).isEqualTo(200);
        String token = api.login(tenant.email("miron"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/conversations/" + conversation).token(token).send().status()).isEqualTo(200);

        Response refused = api.post("/api/v1/inbox/conversations/" + conversation + "/read", null).token(token).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isNotBlank();
        assertThat(meta.reads).isEmpty();
        JsonThread thread = new JsonThread(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(admin).send());
        assertThat(thread.statusOf("wamid.IN1")).isEqualTo("RECEIVED");
    }

    @Test
    void anotherTenantsContactIsNotFound() {
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/inbox/contacts/" + contactId + "/messages", Map.of("type", "TEXT", "text", "Hola"))
            .token(them).header("Idempotency-Key", "x-1").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/contacts/" + contactId + "/messages").token(them).send().status()).isEqualTo(404);
        assertThat(meta.sent).isEmpty();
    }

    /** The thread as the API answers it. */
    record JsonThread(Response response) {
        String statusOf(String externalId) {
            return response.json().valueStream().filter(m -> externalId.equals(m.path("externalId").asString()))
                .findFirst().orElseThrow().path("status").asString();
        }

        int size() {
            return response.json().size();
        }
    }
}
