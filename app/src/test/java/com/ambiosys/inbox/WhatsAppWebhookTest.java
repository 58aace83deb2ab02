package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

/** The WhatsApp webhook over real HTTP, signed as Meta signs it, stored in the real database. */
class WhatsAppWebhookTest extends TenantApiTest {

    static final String SECRET = "app-secret-de-prueba-123";
    final HttpClient http = HttpClient.newHttpClient();
    String phoneNumberId;
    String channelId;

    @BeforeEach
    void connectAChannel() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        Response created = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp ventas", "phoneNumberId",
                phoneNumberId, "wabaId", "102290129340398", "displayPhone", "+502 5555 0000", "accessToken",
                "EAAG-token-de-prueba-0001", "appSecret", SECRET, "verifyToken", "verificar-" + phoneNumberId)).token(admin)
            .send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("appSecretHint").asString()).isEqualTo("••••-123");
        channelId = created.json().path("id").asString();
    }

    static String message(String phoneNumberId, String from, String id, long timestamp, String type, String content) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"50255550000","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Ana López"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"%s",%s}]}}]}]}
                """.formatted(phoneNumberId, from, from, id, timestamp, type, content);
    }

    /** The header Meta sends: computed here on its own, not by the code under test. */
    static String sign(String body, String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Posts a webhook signed with {@link #SECRET}, as Meta does, and answers the status code. */
    static int deliver(HttpClient http, int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
            .header("X-Hub-Signature-256", sign(body, SECRET)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    List<Map<String, Object>> messages(TestTenant owner) {
        return tenantTx.read(owner.id(), s -> jdbc.sql("""
                select m.external_id, m.type, m.body, m.sent_at, k.name, k.phone
                  from inbox_messages m join inbox_contacts k on k.tenant_id = m.tenant_id and k.id = m.contact_id
                 where m.tenant_id = :t order by m.sent_at, m.external_id
                """).param("t", owner.id()).query().listOfRows());
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyForAKnownVerifyToken() throws Exception {
        String ok = "http://localhost:" + port + "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + URLEncoder.encode("verificar-" + phoneNumberId, StandardCharsets.UTF_8) + "&hub.challenge=1158201444";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ok)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1158201444");
        assertThat(answer.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        String bad = ok.replace("verificar-", "otro-");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(bad)).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(403);
    }

    @Test
    void aGoodSignatureStoresTheMessageAndABadOrMissingOneStoresNothing() throws Exception {
        String body = message(phoneNumberId, "50255551234", "wamid.A1", 1_763_800_000L, "text",
                "\"text\":{\"body\":\"Necesito una cotización\"}");
        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body, sign(body, "otro-secreto"))).isEqualTo(401);
        assertThat(post(body, "sha256=zz")).isEqualTo(401);
        assertThat(post(body.replace("cotización", "cotizacion"), sign(body, SECRET))).isEqualTo(401); // body changed
        assertThat(messages(tenant)).isEmpty();

        assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        List<Map<String, Object>> stored = messages(tenant);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("body", "Necesito una cotización").containsEntry("name", "Ana López")
            .containsEntry("phone", "+50255551234").containsEntry("type", "text");
    }

    /** Meta adds fields to its payloads without notice: what we do not know is skipped, unlike in our API's bodies. */
    @Test
    void aWebhookWithFieldsWeDoNotKnowIsStillAccepted() throws Exception {
        String body = message(phoneNumberId, "50255551234", "wamid.X1", 1_763_800_000L, "text",
                "\"text\":{\"body\":\"Hola\",\"formatting\":\"plain\"},\"new_flag\":true")
            .replace("{\"object\":", "{\"api_version\":\"v99.0\",\"object\":")
            .replace("\"profile\":{\"name\":\"Ana López\"}", "\"profile\":{\"name\":\"Ana López\",\"pronouns\":\"ella\"}");
        assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        assertThat(messages(tenant)).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "Hola")
            .containsEntry("name", "Ana López"));
    }

    @Test
    void aRotatedSecretOrADeactivatedChannelTakesEffectAtOnceThoughTheWebhookKeepsChannelsAFewSeconds() throws Exception {
        String first = message(phoneNumberId, "50255551234", "wamid.R1", 1_763_800_000L, "text", "\"text\":{\"body\":\"Hola\"}");
        assertThat(post(first, sign(first, SECRET))).isEqualTo(200); // the channel is now kept by the webhook
        Response rotated = api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp ventas",
                "phoneNumberId", phoneNumberId, "appSecret", "secreto-nuevo-456")).token(admin).send();
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        String second = message(phoneNumberId, "50255551234", "wamid.R2", 1_763_800_010L, "text", "\"text\":{\"body\":\"Sigo\"}");
        assertThat(post(second, sign(second, SECRET))).as("the old secret").isEqualTo(401);
        assertThat(post(second, sign(second, "secreto-nuevo-456"))).isEqualTo(200);
        assertThat(api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp ventas",
                "phoneNumberId", phoneNumberId, "active", false)).token(admin).send().status()).isEqualTo(200);
        String third = message(phoneNumberId, "50255551234", "wamid.R3", 1_763_800_020L, "text", "\"text\":{\"body\":\"¿Hola?\"}");
        assertThat(post(third, sign(third, "secreto-nuevo-456"))).isEqualTo(200); // acknowledged, not stored
        assertThat(messages(tenant)).extracting(m -> m.get("external_id")).containsExactly("wamid.R1", "wamid.R2");
    }

    @Test
    void manyWebhooksAtOnceAreAllStoredAndTextIsProcessedAsItIsStored() throws Exception {
        // more concurrent webhooks than the pool has connections: each must finish with the one connection it holds
        int n = 60;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String from = "5025555" + String.format("%04d", i);
            String body = message(phoneNumberId, from, "wamid.MANY" + i, 1_763_800_000L + i, "text",
                    "\"text\":{\"body\":\"Buenos días, mensaje " + i + "\"}");
            posts.add(() -> post(body, sign(body, SECRET)));
        }
        for (Future<Integer> f : pool.invokeAll(posts)) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(messages(tenant)).hasSize(n);
        // nothing to fetch and nothing waiting for these contacts: processed in the webhook's own transaction
        long waiting = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from inbox_messages where tenant_id = :t and processed_at is null")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(waiting).isZero();
    }

    @Test
    void concurrentWebhooksShareTransactionsAndEachIsAnsweredAfterItsCommit() throws Exception {
        // group commit: POSTs that arrive while a batch is written are written together; every POST still answered
        // 200 only once its messages are committed (read back right after), and each message stored once
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Callable<Boolean>> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String from = "5025556" + String.format("%04d", i % 10); // 10 contacts, 4 messages each
            String id = "wamid.GROUP" + i;
            String body = message(phoneNumberId, from, id, 1_763_800_000L + i, "text", "\"text\":{\"body\":\"Hola " + i + "\"}");
            posts.add(() -> {
                go.await();
                int status = post(body, sign(body, SECRET));
                boolean committed = tenantTx.read(tenant.id(), s -> jdbc.sql(
                        "select count(*) from inbox_messages where tenant_id = :t and external_id = :e")
                    .param("t", tenant.id()).param("e", id).query(Long.class).single()) == 1;
                return status == 200 && committed;
            });
        }
        // the first messages of these contacts, in transactions of their own, so that the grouped ones below can
        // take the lean path as in steady state
        for (int i = 0; i < 10; i++) {
            String from = "5025556" + String.format("%04d", i);
            String body = message(phoneNumberId, from, "wamid.FIRST" + i, 1_763_700_000L, "text", "\"text\":{\"body\":\"Hola\"}");
            assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        }
        List<Future<Boolean>> answers = new ArrayList<>();
        for (Callable<Boolean> post : posts) {
            answers.add(pool.submit(post));
        }
        go.countDown();
        for (Future<Boolean> f : answers) {
            assertThat(f.get()).isTrue();
        }
        pool.shutdown();
        assertThat(messages(tenant)).hasSize(n + 10);
        // the transactions that wrote the messages, as PostgreSQL recorded them on the rows: fewer than the POSTs
        long transactions = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(distinct xmin::text) from inbox_messages where tenant_id = :t and external_id like 'wamid.GROUP%'")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(transactions).as("transactions for %d concurrent POSTs", n).isPositive().isLessThan(n);
        // each message once in its contact's conversation, with its message.new event naming both
        List<Map<String, Object>> events = tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select m.external_id, m.conversation_id = e.conversation_id as same,
                       e.payload ->> 'contactId' = cast(m.contact_id as text) as contact,
                       e.payload ->> 'conversationId' = cast(m.conversation_id as text) as conversation
                  from inbox_messages m join inbox_events e on e.tenant_id = m.tenant_id and e.kind = 'message.new'
                   and e.payload ->> 'externalId' = m.external_id
                 where m.tenant_id = :t and m.external_id like 'wamid.GROUP%'
                """).param("t", tenant.id()).query().listOfRows());
        assertThat(events).hasSize(n).allSatisfy(e -> assertThat(e).containsEntry("same", true)
            .containsEntry("contact", true).containsEntry("conversation", true));
        long waiting = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from inbox_messages where tenant_id = :t and processed_at is null")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(waiting).isZero();
    }

    @Test
    void aWaveOfNewContactsAndTheirNextMessagesAreStoredEachContactOnceInOneConversation() throws Exception {
        for (int i = 0; i < 6; i++) { // one POST after the other: a batch each
            String body = message(phoneNumberId, "5036667000" + i, "wamid.WAVE" + i, 1_763_800_000L + i, "text",
                    "\"text\":{\"body\":\"Buenas, cotización\"}");
            assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        }
        for (int i = 0; i < 6; i++) { // the same contacts again
            String body = message(phoneNumberId, "5036667000" + i, "wamid.WAVE-AGAIN" + i, 1_763_800_100L + i, "text",
                    "\"text\":{\"body\":\"¿Me confirman?\"}");
            assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        }
        long contacts = tenantTx.read(tenant.id(), st -> jdbc.sql(
                "select count(*) from inbox_contacts where tenant_id = :t and external_id like '5036667000%'")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(contacts).isEqualTo(6);
        List<Map<String, Object>> stored = messages(tenant);
        assertThat(stored).hasSize(12);
        long conversations = tenantTx.read(tenant.id(), st -> jdbc.sql(
                "select count(distinct conversation_id) from inbox_messages where tenant_id = :t and external_id like 'wamid.WAVE%'")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(conversations).isEqualTo(6);
    }

    @Test
    void theSameWebhookTwiceAndConcurrentlyIsStoredOnce() throws Exception {
        String body = message(phoneNumberId, "50255551234", "wamid.DUP", 1_763_800_000L, "text", "\"text\":{\"body\":\"Hola\"}");
        String signature = sign(body, SECRET);
        assertThat(post(body, signature)).isEqualTo(200);
        assertThat(post(body, signature)).isEqualTo(200); // Meta retries: 200 again, nothing new
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> same = new ArrayList<>();
        String other = message(phoneNumberId, "50255551234", "wamid.CONC", 1_763_800_001L, "text", "\"text\":{\"body\":\"Hola\"}");
        for (int i = 0; i < 8; i++) {
            same.add(() -> post(other, sign(other, SECRET)));
        }
        for (Future<Integer> f : pool.invokeAll(same)) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(messages(tenant).stream().map(m -> m.get("external_id")).toList()).containsExactly("wamid.DUP",
                "wamid.CONC");
    }

    @Test
    void severalMessagesOfSeveralTypesInOnePostEachStoredUnknownTypesKept() throws Exception {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"50255550000","phone_number_id":"%1$s"},
                 "contacts":[{"profile":{"name":"Ana"},"wa_id":"50255551234"},{"profile":{"name":"Luis"},"wa_id":"50377778888"}],
                 "messages":[
                  {"from":"50255551234","id":"wamid.B2","timestamp":"1763800020","type":"interactive",
                   "interactive":{"type":"button_reply","button_reply":{"id":"CONFIRM_VISIT","title":"Confirmar"}}},
                  {"from":"50377778888","id":"wamid.B3","timestamp":"1763800010","type":"location",
                   "location":{"latitude":13.6929,"longitude":-89.2182,"name":"Planta Santa Tecla","address":"Calle El Progreso"}},
                  {"from":"50255551234","id":"wamid.B1","timestamp":"1763800000","type":"reaction",
                   "reaction":{"message_id":"wamid.X","emoji":"👍"}}]}},
                 {"field":"messages","value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"50255550000","phone_number_id":"%1$s"},
                  "statuses":[{"id":"wamid.NOT_OURS","status":"read","timestamp":"1763800030","recipient_id":"50255551234"}]}}]}]}
                """.formatted(phoneNumberId);
        assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        List<Map<String, Object>> stored = messages(tenant);
        // stored as they came, listed by their own timestamps (out of order in the POST)
        assertThat(stored.stream().map(m -> m.get("external_id") + ":" + m.get("type") + ":" + m.get("body")).toList())
            .containsExactly("wamid.B1:unsupported:null", "wamid.B3:location:Planta Santa Tecla Calle El Progreso",
                    "wamid.B2:interactive:Confirmar");
        assertThat(stored.get(1)).containsEntry("name", "Luis").containsEntry("phone", "+50377778888");
    }

    @Test
    void aWebhookForOneTenantsNumberNeverLandsInAnother() throws Exception {
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String otherNumber = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", otherNumber, "accessToken",
                "EAAG-otro-token-0002", "appSecret", "secreto-de-la-otra-empresa", "verifyToken", "verificar-otra"))
            .token(otherAdmin).send();
        // the same number cannot be connected twice, even by another company
        assertThat(api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "Copia", "phoneNumberId", phoneNumberId,
                "accessToken", "EAAG-copia-token-03", "appSecret", "secreto-copiado", "verifyToken", "verificar-copia"))
            .token(otherAdmin).send().problemCode()).isEqualTo("phone-number-in-use");

        String forUs = message(phoneNumberId, "50255551234", "wamid.OURS", 1_763_800_000L, "text", "\"text\":{\"body\":\"A\"}");
        String forThem = message(otherNumber, "50255551234", "wamid.THEIRS", 1_763_800_000L, "text", "\"text\":{\"body\":\"B\"}");
        assertThat(post(forUs, sign(forUs, SECRET))).isEqualTo(200);
        assertThat(post(forThem, sign(forThem, SECRET))).isEqualTo(401); // signed with our secret, not theirs
        assertThat(post(forThem, sign(forThem, "secreto-de-la-otra-empresa"))).isEqualTo(200);
        assertThat(messages(tenant).stream().map(m -> m.get("external_id")).toList()).containsExactly("wamid.OURS");
        assertThat(messages(other).stream().map(m -> m.get("external_id")).toList()).containsExactly("wamid.THEIRS");
        // an unknown number cannot be authenticated
        String unknown = message("999", "50255551234", "wamid.NOBODY", 1L, "text", "\"text\":{\"body\":\"C\"}");
        assertThat(post(unknown, sign(unknown, SECRET))).isEqualTo(401);
        // another tenant's channel id is not found
        assertThat(api.get("/api/v1/inbox/channels/" + channelId).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "X", "phoneNumberId", "12345"))
            .token(otherAdmin).send().status()).isEqualTo(404);
    }

    @Test
    void outboundStatusesOnlyMoveForward() throws Exception {
        UUID contact = tenantTx.call(tenant.id(), s -> jdbc.sql("""
                insert into inbox_contacts (tenant_id, id, channel_id, external_id, name, phone, created_at)
                values (:t, gen_random_uuid(), :c, '50255551234', 'Ana', '+50255551234', now()) returning id
                """).param("t", tenant.id()).param("c", UUID.fromString(channelId)).query(UUID.class).single());
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                insert into inbox_messages (tenant_id, id, channel_id, contact_id, direction, external_id, type, body, payload,
                                            sent_at, received_at, status)
                values (:t, gen_random_uuid(), :c, :k, 'OUT', 'wamid.OUT1', 'text', 'Hola', '{}', now(), now(), 'SENT')
                """).param("t", tenant.id()).param("c", UUID.fromString(channelId)).param("k", contact).update());
        for (String status : List.of("read", "delivered", "sent")) { // out of order: read first
            String body = """
                    {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                     "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                     "statuses":[{"id":"wamid.OUT1","status":"%s","timestamp":"1763800030","recipient_id":"50255551234"}]}}]}]}
                    """.formatted(phoneNumberId, status);
            assertThat(post(body, sign(body, SECRET))).isEqualTo(200);
        }
        String status = tenantTx.read(tenant.id(), s -> jdbc.sql("select status from inbox_messages where tenant_id = :t and external_id = 'wamid.OUT1'")
            .param("t", tenant.id()).query(String.class).single());
        assertThat(status).isEqualTo("READ");
    }
}
