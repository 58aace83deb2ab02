package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Teams of agents over HTTP, and assigning a conversation to an agent, a team, or an agent of a team. */
class InboxTeamsTest extends TenantApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    String phoneNumberId;
    UUID carlos;
    UUID ana;
    UUID tecnico;

    @BeforeEach
    void staff() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId, "accessToken",
                "EAAG-token-equipos-01", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-equipos"))
            .token(admin).send();
        carlos = tenants.addUser(tenant, "carlos", SystemRole.SALES);
        ana = tenants.addUser(tenant, "ana", SystemRole.AGENT);
        tecnico = tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
    }

    Response team(String name, List<UUID> members) {
        return api.post("/api/v1/inbox/teams", Map.of("name", name, "memberIds", members)).token(admin).send();
    }

    String receive(String from, String text) throws Exception {
        String body = WhatsAppWebhookTest.message(phoneNumberId, from, "wamid.T" + UUID.randomUUID(),
                System.currentTimeMillis() / 1000, "text", "\"text\":{\"body\":\"" + text + "\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, body))
            .isEqualTo(200);
        return api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").valueStream()
            .filter(c -> c.path("contactPhone").asString().equals("+" + from)).findFirst().orElseThrow().path("id").asString();
    }

    Response assign(String conversation, UUID assignee, UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("assigneeId", assignee);
        body.put("teamId", team);
        return api.put("/api/v1/inbox/conversations/" + conversation + "/assignee", body).token(admin).send();
    }

    @Test
    void teamsAreMadeOfAgentsWhoMayReply() {
        Response created = team("Ventas Guatemala", List.of(carlos, ana));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("memberIds").valueStream().map(JsonNode::asString).toList())
            .containsExactlyInAnyOrder(carlos.toString(), ana.toString());
        assertThat(body.path("members").valueStream().map(m -> m.path("name").asString()).toList())
            .containsExactly("Usuario ana", "Usuario carlos");
        String id = body.path("id").asString();

        Response notAnAgent = team("Campo", List.of(tecnico));
        assertThat(notAnAgent.status()).isEqualTo(400);
        assertThat(notAnAgent.problemCode()).isEqualTo("invalid-team-member");
        assertThat(team("ventas guatemala", List.of()).problemCode()).isEqualTo("team-name-taken");
        assertThat(team(" ", List.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/inbox/teams", Map.of("name", "Sin miembros")).token(admin).send().status()).isEqualTo(400);

        Response changed = api.put("/api/v1/inbox/teams/" + id, Map.of("name", "Ventas GT", "memberIds", List.of(ana)))
            .token(admin).send();
        assertThat(changed.json().path("name").asString()).isEqualTo("Ventas GT");
        assertThat(changed.json().path("memberIds").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/inbox/teams").token(admin).send().json().get(0).path("name").asString())
            .isEqualTo("Ventas GT");

        String seller = api.login(tenant.email("carlos"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/teams").token(seller).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/inbox/teams", Map.of("name", "X", "memberIds", List.of())).token(seller).send().status())
            .isEqualTo(403);

        assertThat(api.delete("/api/v1/inbox/teams/" + id).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/inbox/teams/" + id).token(admin).send().status()).isEqualTo(404);
        long audited = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from audit_log where tenant_id = :t and entity_type = 'inbox_team' and entity_id = :id")
            .param("t", tenant.id()).param("id", id).query(Long.class).single());
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aConversationGoesToAnAgentATeamOrAnAgentOfTheTeam() throws Exception {
        String team = team("Ventas El Salvador", List.of(ana)).json().path("id").asString();
        UUID teamId = UUID.fromString(team);
        String conversation = receive("50377778888", "Buenas, ¿rentan sanitarios en San Salvador?");

        JsonNode toTeam = assign(conversation, null, teamId).json().path("summary");
        assertThat(toTeam.path("teamId").asString()).isEqualTo(team);
        assertThat(toTeam.path("teamName").asString()).isEqualTo("Ventas El Salvador");
        assertThat(toTeam.path("assigneeId").isNull()).isTrue();

        Response outsider = assign(conversation, carlos, teamId);
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.problemCode()).isEqualTo("assignee-not-in-team");
        assertThat(assign(conversation, tecnico, null).problemCode()).isEqualTo("invalid-assignee");
        assertThat(assign(conversation, null, UUID.randomUUID()).problemCode()).isEqualTo("unknown-team");

        JsonNode both = assign(conversation, ana, teamId).json().path("summary");
        assertThat(both.path("assigneeId").asString()).isEqualTo(ana.toString());
        assertThat(both.path("assigneeName").asString()).isEqualTo("Usuario ana");
        assertThat(both.path("teamName").asString()).isEqualTo("Ventas El Salvador");

        receive("50255551234", "Hola, soy de Guatemala");
        JsonNode ofTeam = api.get("/api/v1/inbox/conversations?teamId=" + team).token(admin).send().json();
        assertThat(ofTeam.path("total").asLong()).isEqualTo(1);
        assertThat(ofTeam.path("items").get(0).path("id").asString()).isEqualTo(conversation);
        assertThat(api.get("/api/v1/inbox/conversations?teamId=nope").token(admin).send().status()).isEqualTo(400);

        JsonNode none = assign(conversation, null, null).json().path("summary");
        assertThat(none.path("assigneeId").isNull()).isTrue();
        assertThat(none.path("teamId").isNull()).isTrue();
        long events = tenantTx.read(tenant.id(), s -> jdbc.sql(
                "select count(*) from inbox_events where tenant_id = :t and kind = 'conversation.assigned' and conversation_id = :c")
            .param("t", tenant.id()).param("c", UUID.fromString(conversation)).query(Long.class).single());
        assertThat(events).isEqualTo(3);

        // deleting the team leaves its conversations with their agent, without the team
        assign(conversation, ana, teamId);
        api.delete("/api/v1/inbox/teams/" + team).token(admin).send();
        JsonNode after = api.get("/api/v1/inbox/conversations/" + conversation).token(admin).send().json().path("summary");
        assertThat(after.path("teamId").isNull()).isTrue();
        assertThat(after.path("assigneeId").asString()).isEqualTo(ana.toString());
    }

    @Test
    void anotherTenantsTeamsAnswer404AndCannotBeUsed() throws Exception {
        String team = team("Ventas Guatemala", List.of(carlos)).json().path("id").asString();
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/teams/" + team).token(them).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/inbox/teams/" + team, Map.of("name", "X", "memberIds", List.of())).token(them).send()
            .status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/inbox/teams/" + team).token(them).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/teams").token(them).send().json().size()).isZero();
        // nor can they put our agents in their teams
        assertThat(api.post("/api/v1/inbox/teams", Map.of("name", "Robados", "memberIds", List.of(carlos))).token(them).send()
            .problemCode()).isEqualTo("invalid-team-member");
        String conversation = receive("50255551234", "Hola");
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", team);
        assertThat(api.put("/api/v1/inbox/conversations/" + conversation + "/assignee", body).token(them).send().status())
            .isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/teams/" + team).token(admin).send().json().path("name").asString())
            .isEqualTo("Ventas Guatemala");
    }
}
