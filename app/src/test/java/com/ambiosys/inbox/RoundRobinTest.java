package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/**
 * Agent presence and round-robin assignment over HTTP: agents are online while their live stream is open
 * (really opened here, as the inbox screen does) and their status is ONLINE; a ROUND_ROBIN channel gives each
 * new conversation to the next online agent in strict turn, also when several arrive at once.
 */
class RoundRobinTest extends TenantApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    final List<CompletableFuture<?>> open = new ArrayList<>();
    String phoneNumberId;
    String channelId;
    UUID ana;
    UUID beto;
    UUID carla;

    @BeforeEach
    void agents() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        channelId = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp Ventas", "phoneNumberId",
                phoneNumberId, "accessToken", "EAAG-token-turnos-01", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken",
                "verificar-turnos")).token(admin).send().json().path("id").asString();
        ana = tenants.addUser(tenant, "ana", SystemRole.AGENT);
        beto = tenants.addUser(tenant, "beto", SystemRole.AGENT);
        carla = tenants.addUser(tenant, "carla", SystemRole.AGENT);
    }

    @AfterEach
    void close() {
        open.forEach(f -> f.cancel(true));
    }

    void roundRobin(String teamId) {
        Map<String, Object> assignment = new HashMap<>();
        assignment.put("mode", "ROUND_ROBIN");
        assignment.put("teamId", teamId);
        JsonNode channel = api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp Ventas",
                "phoneNumberId", phoneNumberId, "assignment", assignment)).token(admin).send().json();
        assertThat(channel.path("assignment").path("mode").asString()).isEqualTo("ROUND_ROBIN");
    }

    /** Signs the agent in and opens their live stream; answers their token once the stream is connected. */
    String online(String local) throws Exception {
        String token = api.login(tenant.email(local), TestTenants.PASSWORD);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/inbox/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        open.add(response.thenAccept(r -> r.body().forEach(lines::add)));
        assertThat(InboxStreamTest.next(lines, ":connected")).isNotNull();
        return token;
    }

    String receive(String from) throws Exception {
        String body = WhatsAppWebhookTest.message(phoneNumberId, from, "wamid.RR" + UUID.randomUUID(),
                System.currentTimeMillis() / 1000, "text", "\"text\":{\"body\":\"Hola, quiero cotizar\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, body))
            .isEqualTo(200);
        return from;
    }

    /** The assignee of the contact's conversation (null: unassigned). */
    UUID assigneeOf(String from) {
        JsonNode c = api.get("/api/v1/inbox/conversations?size=200").token(admin).send().json().path("items").valueStream()
            .filter(v -> v.path("contactPhone").asString().equals("+" + from)).findFirst().orElseThrow();
        return c.path("assigneeId").isNull() ? null : UUID.fromString(c.path("assigneeId").asString());
    }

    @Test
    void newConversationsTakeTurnsAmongOnlineAgentsSkippingAwayAndOfflineOnes() throws Exception {
        roundRobin(null);
        online("ana");
        online("beto");
        String carlaToken = online("carla");
        JsonNode away = api.put("/api/v1/inbox/presence", Map.of("status", "AWAY")).token(carlaToken).send().json();
        assertThat(away.path("status").asString()).isEqualTo("AWAY");
        assertThat(away.path("online").asBoolean()).isFalse();
        // dave is ONLINE by status but his stream last beat two minutes ago: offline
        UUID dave = tenants.addUser(tenant, "dave", SystemRole.AGENT);
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                insert into inbox_agent_presence (tenant_id, user_id, status, last_seen, updated_at)
                values (:t, :u, 'ONLINE', now() - interval '2 minutes', now())
                """).param("t", tenant.id()).param("u", dave).update());

        List<UUID> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(assigneeOf(receive("5025555100" + i)));
        }
        List<UUID> pair = Stream.of(ana, beto).sorted().toList();
        assertThat(turns).containsExactly(pair.get(0), pair.get(1), pair.get(0), pair.get(1));

        api.put("/api/v1/inbox/presence", Map.of("status", "ONLINE")).token(carlaToken).send();
        List<UUID> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            next.add(assigneeOf(receive("5037777200" + i)));
        }
        assertThat(next).containsExactlyInAnyOrder(ana, beto, carla);
        assertThat(next).doesNotContain(dave, tenant.adminId());

        JsonNode agents = api.get("/api/v1/inbox/agents").token(admin).send().json();
        Map<String, JsonNode> byId = agents.valueStream().collect(Collectors.toMap(a -> a.path("id").asString(),
                Function.identity()));
        assertThat(byId.get(ana.toString()).path("online").asBoolean()).isTrue();
        assertThat(byId.get(ana.toString()).path("name").asString()).isEqualTo("Usuario ana");
        assertThat(byId.get(dave.toString()).path("online").asBoolean()).isFalse();
        assertThat(byId.get(dave.toString()).path("status").asString()).isEqualTo("ONLINE");
        assertThat(byId.get(tenant.adminId().toString()).path("online").asBoolean()).isFalse();
        long total = agents.valueStream().mapToLong(a -> a.path("openConversations").asLong()).sum();
        assertThat(total).isEqualTo(7);
        assertThat(byId.get(carla.toString()).path("openConversations").asLong()).isEqualTo(1);
    }

    @Test
    void aTeamsChannelTurnsAmongItsOnlineMembersAndNoOneOnlineLeavesItUnassigned() throws Exception {
        String team = api.post("/api/v1/inbox/teams", Map.of("name", "Ventas El Salvador", "memberIds", List.of(beto, carla)))
            .token(admin).send().json().path("id").asString();
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("mode", "ROUND_ROBIN");
        unknown.put("teamId", UUID.randomUUID().toString());
        assertThat(api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp Ventas",
                "phoneNumberId", phoneNumberId, "assignment", unknown)).token(admin).send().problemCode())
            .isEqualTo("unknown-team");
        assertThat(api.put("/api/v1/inbox/channels/" + channelId + "/whatsapp", Map.of("name", "WhatsApp Ventas",
                "phoneNumberId", phoneNumberId, "assignment", Map.of("mode", "SOMETIMES"))).token(admin).send().status())
            .isEqualTo(400);
        roundRobin(team);
        assertThat(api.get("/api/v1/inbox/channels/" + channelId).token(admin).send().json().path("assignment")
            .path("teamId").asString()).isEqualTo(team);
        assertThat(assigneeOf(receive("50377770001"))).as("no one of the team online").isNull();
        online("ana");
        assertThat(assigneeOf(receive("50377770002"))).as("ana is online but not in the team").isNull();
        online("beto");
        online("carla");
        List<UUID> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(assigneeOf(receive("5037777100" + i)));
        }
        assertThat(turns).doesNotContain(ana).containsOnly(beto, carla);
        assertThat(turns.get(0)).isNotEqualTo(turns.get(1));
        assertThat(turns.get(0)).isEqualTo(turns.get(2));
        JsonNode summary = api.get("/api/v1/inbox/conversations?teamId=" + team).token(admin).send().json();
        assertThat(summary.path("total").asLong()).isEqualTo(4);
        assertThat(summary.path("items").get(0).path("teamName").asString()).isEqualTo("Ventas El Salvador");
        long automatic = tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select count(*) from inbox_events where tenant_id = :t and kind = 'conversation.assigned'
                   and payload ->> 'automatic' = 'true'
                """).param("t", tenant.id()).query(Long.class).single());
        assertThat(automatic).isEqualTo(4);
    }

    @Test
    void conversationsArrivingAtOnceNeverBreakTheTurn() throws Exception {
        roundRobin(null);
        online("ana");
        online("beto");
        online("carla");
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Callable<String>> arrivals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String from = "5025555300" + i;
            arrivals.add(() -> receive(from));
        }
        List<String> contacts = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(arrivals)) {
            contacts.add(f.get());
        }
        pool.shutdown();
        Map<UUID, Long> perAgent = contacts.stream().map(this::assigneeOf)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perAgent).containsOnlyKeys(ana, beto, carla);
        assertThat(perAgent.values()).containsOnly(3L);
    }

    @Test
    void newContactsArrivingTogetherInOverlappingPostsEachGetOneConversationInTurn() throws Exception {
        // every POST brings the first messages of three new senders, shared with other POSTs; concurrent batches
        // start conversations (the cursor's lock) while others hold contact rows: none may wait on the other
        roundRobin(null);
        online("ana");
        online("beto");
        online("carla");
        int senders = 24;
        int posts = 48;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        for (int round = 0; round < rounds; round++) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                List<String> from = new ArrayList<>();
                for (int k : new int[] { i, i + 7, i + 15 }) {
                    from.add("5037777" + round + String.format("%03d", k % senders));
                }
                if (i % 2 == 1) {
                    java.util.Collections.reverse(from);
                }
                String body = threeSenders(from, "wamid.RRX" + round + "-" + i + "-", 1_763_800_000L + i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return WhatsAppWebhookTest.deliver(http, port, body);
                }));
            }
            go.countDown();
            for (Future<Integer> f : answers) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        pool.shutdown();
        List<Map<String, Object>> conversations = tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select k.external_id,
                       (select count(*) from inbox_conversations v where v.tenant_id = k.tenant_id and v.contact_id = k.id)
                           as conversations,
                       (select cast(v.assignee_id as text) from inbox_conversations v
                         where v.tenant_id = k.tenant_id and v.contact_id = k.id limit 1) as assignee,
                       (select count(*) from inbox_messages m
                          join inbox_conversations v on v.tenant_id = m.tenant_id and v.id = m.conversation_id
                         where m.tenant_id = k.tenant_id and m.contact_id = k.id) as messages
                  from inbox_contacts k
                 where k.tenant_id = :t and k.external_id like '5037777%'
                """).param("t", tenant.id()).query().listOfRows());
        assertThat(conversations).hasSize(senders * rounds);
        assertThat(conversations).allSatisfy(c -> {
            assertThat(c.get("conversations")).as("conversations of %s", c.get("external_id")).isEqualTo(1L);
            assertThat(c.get("messages")).as("messages of %s in it", c.get("external_id")).isEqualTo(6L);
        });
        Map<Object, Long> perAgent = conversations.stream()
            .collect(Collectors.groupingBy(c -> UUID.fromString((String) c.get("assignee")), Collectors.counting()));
        assertThat(perAgent).containsOnlyKeys(ana, beto, carla);
        assertThat(perAgent.values()).containsOnly((long) senders * rounds / 3);
    }

    /** One webhook with a text message from each sender, as Meta groups them. */
    String threeSenders(List<String> from, String idPrefix, long timestamp) {
        List<String> contacts = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int k = 0; k < from.size(); k++) {
            contacts.add("{\"profile\":{\"name\":\"Cliente %s\"},\"wa_id\":\"%s\"}".formatted(from.get(k), from.get(k)));
            messages.add("{\"from\":\"%s\",\"id\":\"%s%d\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"Necesito una fosa\"}}"
                .formatted(from.get(k), idPrefix, k, timestamp));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"50255550000","phone_number_id":"%s"},
                 "contacts":[%s],"messages":[%s]}}]}]}
                """.formatted(phoneNumberId, String.join(",", contacts), String.join(",", messages));
    }

    @Test
    void presenceIsTheCallersOwnAndNeedsInboxReply() throws Exception {
        String anaToken = online("ana");
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "BUSY")).token(anaToken).send().status())
            .isEqualTo(400);
        assertThat(api.put("/api/v1/inbox/presence", Map.of()).token(anaToken).send().status()).isEqualTo(400);
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        String tecnico = api.login(tenant.email("tecnico"), TestTenants.PASSWORD);
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "ONLINE")).token(tecnico).send().status())
            .isEqualTo(403);
        assertThat(api.get("/api/v1/inbox/agents").token(tecnico).send().status()).isEqualTo(403);
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/agents").token(them).send().json().valueStream()
            .map(a -> a.path("id").asString())).doesNotContain(ana.toString());
        long audited = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from audit_log where tenant_id = :t and entity_type = 'inbox_agent_presence'")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(audited).isZero(); // nothing changed: both requests were refused
        api.put("/api/v1/inbox/presence", Map.of("status", "AWAY")).token(anaToken).send();
        long after = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from audit_log where tenant_id = :t and entity_type = 'inbox_agent_presence'")
            .param("t", tenant.id()).query(Long.class).single());
        assertThat(after).isEqualTo(1);
    }
}
