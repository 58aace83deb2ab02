package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SecondInstance;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;
import com.ambiosys.tenants.TenantManagement;

/** The staff's live stream (Server-Sent Events): fed through LISTEN/NOTIFY, per tenant, with Last-Event-ID replay. */
class InboxStreamTest extends TenantApiTest {

    /** The line the helper adds when the server ends the stream. */
    static final String ENDED = "(stream ended)";

    @Autowired
    TenantManagement tenantManagement;
    @Autowired
    Environment env;

    final HttpClient http = HttpClient.newHttpClient();
    final List<CompletableFuture<?>> open = new ArrayList<>();
    String phoneNumberId;

    @BeforeEach
    void connect() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId, "accessToken",
                "EAAG-token-stream-0001", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-stream"))
            .token(admin).send();
    }

    @AfterEach
    void close() {
        open.forEach(f -> f.cancel(true));
    }

    /** Opens the stream and answers its lines as they arrive. */
    BlockingQueue<String> stream(String token, String lastEventId) throws Exception {
        return stream(port, token, lastEventId);
    }

    /** The same, from the instance listening on the given port. */
    BlockingQueue<String> stream(int serverPort, String token, String lastEventId) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + "/api/v1/inbox/stream"))
            .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        open.add(response.thenAccept(r -> {
            lines.add("status:" + r.statusCode());
            r.body().forEach(lines::add);
            lines.add(ENDED);
        }));
        return lines;
    }

    static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        return next(lines, prefix, 15);
    }

    static String next(BlockingQueue<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    void receive(String id, String text) throws Exception {
        String body = WhatsAppWebhookTest.message(phoneNumberId, "50255551234", id, System.currentTimeMillis() / 1000, "text",
                "\"text\":{\"body\":\"" + text + "\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, body))
            .isEqualTo(200);
    }

    @Test
    void aMessageReachesTheStaffOfItsTenantLiveAndAReconnectGetsWhatItMissed() throws Exception {
        BlockingQueue<String> ours = stream(admin, null);
        assertThat(next(ours, "status:")).isEqualTo("status:200");
        assertThat(next(ours, ":connected")).isNotNull();
        TestTenant other = tenants.create();
        String theirAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String theirPhone = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", theirPhone, "accessToken",
                "EAAG-token-stream-0002", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-otro"))
            .token(theirAdmin).send();
        BlockingQueue<String> theirs = stream(theirAdmin, null);
        assertThat(next(theirs, ":connected")).isNotNull();

        receive("wamid.LIVE1", "Necesito una fosa limpia");
        String id = next(ours, "id:");
        assertThat(id).isNotNull();
        assertThat(next(ours, "event:")).isEqualTo("event:message.new");
        assertThat(next(ours, "data:")).contains("\"body\":\"Necesito una fosa limpia\"", "\"direction\":\"IN\"");
        // another tenant's staff hear nothing of it: the first message their stream carries is their own, sent after
        String theirs1 = WhatsAppWebhookTest.message(theirPhone, "50255554321", "wamid.THEIRS1", System.currentTimeMillis() / 1000,
                "text", "\"text\":{\"body\":\"Mensaje de la otra empresa\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, theirs1)).isEqualTo(200);
        assertThat(next(theirs, "data:")).as("another tenant's staff hear only their own")
            .contains("Mensaje de la otra empresa").doesNotContain("Necesito una fosa limpia");

        receive("wamid.LIVE2", "¿Cuánto cuesta?");
        String conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0)
            .path("id").asString();
        api.put("/api/v1/inbox/conversations/" + conversation + "/status", Map.of("status", "PENDING")).token(admin).send();

        // a client that was away since the first event gets the rest, in order, then live ones
        BlockingQueue<String> back = stream(admin, id.substring(3).trim());
        assertThat(next(back, "data:")).contains("¿Cuánto cuesta?");
        assertThat(next(back, "event:")).isEqualTo("event:conversation.updated");
    }

    @Test
    void aMessageReceivedByOneInstanceReachesAStreamOpenOnAnotherInstance() throws Exception {
        try (SecondInstance second = SecondInstance.start()) {
            int secondPort = second.port();
            assertThat(secondPort).isNotEqualTo(port);
            String token = new ApiClient(secondPort).login(tenant.adminEmail(), TestTenants.PASSWORD);
            BlockingQueue<String> onSecond = stream(secondPort, token, null);
            assertThat(next(onSecond, "status:")).isEqualTo("status:200");
            assertThat(next(onSecond, ":connected")).isNotNull();

            receive("wamid.ACROSS1", "Llegó por la otra instancia"); // the webhook goes to this test's instance
            assertThat(next(onSecond, "event:")).isEqualTo("event:message.new");
            assertThat(next(onSecond, "data:")).contains("Llegó por la otra instancia");
        }
    }

    @Test
    void theStreamNeedsInboxPermission() throws Exception {
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        BlockingQueue<String> lines = stream(api.login(tenant.email("tecnico"), TestTenants.PASSWORD), null);
        assertThat(next(lines, "status:")).isEqualTo("status:403");
    }

    UUID agentId;

    /** An agent's open stream: where each way of losing the right to it starts. */
    BlockingQueue<String> agentStream() throws Exception {
        agentId = tenants.addUser(tenant, "agente", SystemRole.AGENT);
        BlockingQueue<String> lines = stream(api.login(tenant.email("agente"), TestTenants.PASSWORD), null);
        assertThat(next(lines, "status:")).isEqualTo("status:200");
        assertThat(next(lines, ":connected")).isNotNull();
        return lines;
    }

    @Test
    void theStreamEndsWhenItsUserIsDeactivated() throws Exception {
        BlockingQueue<String> lines = agentStream();
        assertThat(api.post("/api/v1/users/" + agentId + "/deactivate", null).token(admin).send().status()).isEqualTo(200);
        assertThat(next(lines, ENDED, 30)).isEqualTo(ENDED);
    }

    @Test
    void theStreamEndsWhenItsUserLosesInboxViewWhileOthersGoOn() throws Exception {
        BlockingQueue<String> lines = agentStream();
        BlockingQueue<String> admins = stream(admin, null);
        assertThat(next(admins, ":connected")).isNotNull();
        assertThat(api.put("/api/v1/users/" + agentId + "/permissions", Map.of("grants", List.of(), "revocations",
                List.of("inbox:view"))).token(admin).send().status()).isEqualTo(200);
        assertThat(next(lines, ENDED, 30)).isEqualTo(ENDED);

        receive("wamid.AFTER-REVOKE", "Hola otra vez");
        assertThat(next(admins, "event:")).as("the admin's stream goes on").isEqualTo("event:message.new");
    }

    /**
     * The permission is taken away on this instance; the stream is open on another one whose periodic check is
     * ten minutes away: it ends anyway, told by PostgreSQL when the change commits.
     */
    @Test
    void aStreamOnAnotherInstanceEndsAtOnceWhenItsUserLosesInboxView() throws Exception {
        agentId = tenants.addUser(tenant, "agente", SystemRole.AGENT);
        try (SecondInstance second = SecondInstance.start("ambiosys.inbox.stream-recheck=10m")) {
            BlockingQueue<String> lines = stream(second.port(), new ApiClient(second.port())
                .login(tenant.email("agente"), TestTenants.PASSWORD), null);
            assertThat(next(lines, "status:")).isEqualTo("status:200");
            assertThat(next(lines, ":connected")).isNotNull();
            assertThat(api.put("/api/v1/users/" + agentId + "/permissions", Map.of("grants", List.of(), "revocations",
                    List.of("inbox:view"))).token(admin).send().status()).isEqualTo(200);
            assertThat(next(lines, ENDED, 60)).isEqualTo(ENDED);
        }
    }

    /** A suspension sends no notice: the periodic check (1 s on this second instance) ends the stream. */
    @Test
    void theStreamEndsWhenItsTenantIsSuspended() throws Exception {
        agentId = tenants.addUser(tenant, "agente", SystemRole.AGENT);
        try (SecondInstance second = SecondInstance.start("ambiosys.inbox.stream-recheck=1s")) {
            BlockingQueue<String> lines = stream(second.port(), new ApiClient(second.port())
                .login(tenant.email("agente"), TestTenants.PASSWORD), null);
            assertThat(next(lines, "status:")).isEqualTo("status:200");
            assertThat(next(lines, ":connected")).isNotNull();
            tenantManagement.suspend(tenant.id());
            assertThat(next(lines, ENDED, 30)).isEqualTo(ENDED);
        }
    }

    @Test
    void aNotificationNamesTheEventAndNeverCarriesTheMessageWhichStillReachesTheStream() throws Exception {
        try (Connection listener = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN inbox_events");
            }
            BlockingQueue<String> ours = stream(admin, null);
            assertThat(next(ours, ":connected")).isNotNull();

            // the contact's first message is stored by the full statement, the next by inbox_store_inbound
            receive("wamid.PRIVATE1", "Mi DPI es 2501 44556 0101");
            assertThat(next(ours, "data:")).contains("Mi DPI es 2501 44556 0101");
            receive("wamid.PRIVATE2", "Y mi clave es sol-de-agosto");
            assertThat(next(ours, "data:")).contains("Y mi clave es sol-de-agosto");

            List<String> payloads = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (payloads.size() < 2 && System.nanoTime() < deadline) {
                PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    if (n.getParameter().startsWith(tenant.id().toString())) {
                        payloads.add(n.getParameter());
                    }
                }
            }
            assertThat(payloads).hasSize(2).allSatisfy(p -> assertThat(p).matches(tenant.id() + ":[0-9]+"));
        }
    }
}
