package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Conversations of the inbox over HTTP: where inbound messages land, snooze, resolve and reopen, assignment, links. */
class ConversationsTest extends TenantApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    final AtomicLong ids = new AtomicLong();
    String phoneNumberId;

    @BeforeEach
    void connect() {
        phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId, "accessToken",
                "EAAG-token-conversaciones", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-conv"))
            .token(admin).send();
    }

    void receive(String from, String text) throws Exception {
        String body = WhatsAppWebhookTest.message(phoneNumberId, from, "wamid.C" + ids.incrementAndGet() + "-" + phoneNumberId,
                System.currentTimeMillis() / 1000, "text", "\"text\":{\"body\":\"" + text + "\"}");
        assertThat(WhatsAppWebhookTest.deliver(http, port, body))
            .isEqualTo(200);
    }

    JsonNode conversations(String query) {
        return api.get("/api/v1/inbox/conversations" + query).token(admin).send().json();
    }

    Response status(String id, String status, String until) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("snoozedUntil", until);
        return api.put("/api/v1/inbox/conversations/" + id + "/status", body).token(admin).send();
    }

    @Test
    void messagesLandInTheContactsOpenConversationWhichWakesFromSnoozeAndReopensWithinTheWindow() throws Exception {
        receive("50255551234", "Hola");
        receive("50255551234", "¿Tienen sanitarios para el sábado?");
        receive("50377778888", "Buenas tardes");
        JsonNode all = conversations("");
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode ana = all.path("items").valueStream().filter(c -> c.path("contactPhone").asString().equals("+50255551234"))
            .findFirst().orElseThrow();
        String id = ana.path("id").asString();
        assertThat(ana.path("status").asString()).isEqualTo("OPEN");
        assertThat(ana.path("lastMessage").asString()).isEqualTo("¿Tienen sanitarios para el sábado?");

        assertThat(status(id, "SNOOZED", null).status()).isEqualTo(200); // until the next message
        assertThat(status(id, "SNOOZED", "2020-01-01T00:00:00Z").problemCode()).isEqualTo("snooze-in-the-past");
        receive("50255551234", "¿Siguen ahí?");
        assertThat(api.get("/api/v1/inbox/conversations/" + id).token(admin).send().json().path("summary").path("status")
            .asString()).isEqualTo("OPEN");

        assertThat(status(id, "RESOLVED", null).status()).isEqualTo(200);
        receive("50255551234", "Una pregunta más");
        JsonNode reopened = conversations("?status=OPEN");
        assertThat(reopened.path("items").valueStream().map(c -> c.path("id").asString()).toList()).contains(id);

        status(id, "RESOLVED", null);
        tenantTx.run(tenant.id(), s -> jdbc.sql("update inbox_conversations set resolved_at = now() - interval '25 hours' where tenant_id = :t")
            .param("t", tenant.id()).update());
        receive("50255551234", "Hola de nuevo, otro servicio");
        JsonNode anasNow = conversations("?status=OPEN");
        String fresh = anasNow.path("items").valueStream().filter(c -> c.path("contactPhone").asString().equals("+50255551234"))
            .findFirst().orElseThrow().path("id").asString();
        assertThat(fresh).isNotEqualTo(id);
        assertThat(conversations("?status=RESOLVED").path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(status(id, "OPEN", null).problemCode()).isEqualTo("contact-has-open-conversation");
    }

    @Test
    void aNewContactIsLinkedToTheCustomerWithItsPhoneAndStaffConfirmIt() throws Exception {
        String customer = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "José Pérez", "country",
                "GT", "contact", Map.of("fullName", "José Pérez", "phones", List.of("5555-1234")))).token(admin).send().json()
            .path("id").asString();
        receive("50255551234", "Buenos días, soy José");
        JsonNode conversation = conversations("").path("items").get(0);
        assertThat(conversation.path("customerId").asString()).isEqualTo(customer);
        String id = conversation.path("id").asString();
        JsonNode detail = api.get("/api/v1/inbox/conversations/" + id).token(admin).send().json();
        assertThat(detail.path("customerConfirmed").asBoolean()).isFalse();
        assertThat(detail.path("customerName").asString()).isEqualTo("José Pérez");
        String contact = conversation.path("contactId").asString();
        assertThat(api.put("/api/v1/inbox/contacts/" + contact + "/customer", Map.of("customerId", customer)).token(admin).send()
            .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/inbox/conversations/" + id).token(admin).send().json().path("customerConfirmed").asBoolean())
            .isTrue();
        assertThat(api.put("/api/v1/inbox/contacts/" + contact + "/customer", Map.of("customerId", UUID.randomUUID().toString()))
            .token(admin).send().problemCode()).isEqualTo("unknown-customer");
    }

    @Test
    void aCustomersConversationsAreThoseOfTheContactsConfirmedAsThem() throws Exception {
        String customer = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "José Pérez", "country",
                "GT", "contact", Map.of("fullName", "José Pérez", "phones", List.of("5555-1234")))).token(admin).send().json()
            .path("id").asString();
        String other = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Otra Persona", "country", "GT"))
            .token(admin).send().json().path("id").asString();
        receive("50255551234", "Buenos días, soy José");
        receive("50377778888", "Hola, soy otra persona");
        assertThat(conversations("?customerId=" + customer).path("total").asLong()).as("only suggested by the phone").isZero();
        JsonNode jose = conversations("").path("items").valueStream()
            .filter(c -> c.path("contactPhone").asString().equals("+50255551234")).findFirst().orElseThrow();
        api.put("/api/v1/inbox/contacts/" + jose.path("contactId").asString() + "/customer", Map.of("customerId", customer))
            .token(admin).send();
        JsonNode his = conversations("?customerId=" + customer);
        assertThat(his.path("items").valueStream().map(c -> c.path("id").asString()).toList())
            .containsExactly(jose.path("id").asString());
        assertThat(conversations("?customerId=" + other).path("total").asLong()).isZero();
    }

    @Test
    void aSalesRepLinksAContactOnlyToTheirOwnCustomers() throws Exception {
        tenants.addUser(tenant, "ana", SystemRole.SALES);
        tenants.addUser(tenant, "beto", SystemRole.SALES);
        String ana = api.login(tenant.email("ana"), TestTenants.PASSWORD);
        String beto = api.login(tenant.email("beto"), TestTenants.PASSWORD);
        String betos = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Cliente de Beto", "country", "GT"))
            .token(beto).send().json().path("id").asString();
        String anas = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Cliente de Ana", "country", "GT"))
            .token(ana).send().json().path("id").asString();
        receive("50255550001", "Hola");
        String contact = conversations("").path("items").get(0).path("contactId").asString();
        Response others = api.put("/api/v1/inbox/contacts/" + contact + "/customer", Map.of("customerId", betos)).token(ana).send();
        assertThat(others.status()).isEqualTo(400);
        assertThat(others.problemCode()).as("the same answer as for a customer that does not exist").isEqualTo("unknown-customer");
        assertThat(conversations("").path("items").get(0).path("customerId").isNull()).isTrue();
        assertThat(api.put("/api/v1/inbox/contacts/" + contact + "/customer", Map.of("customerId", anas)).token(ana).send().status())
            .isEqualTo(204);
    }

    @Test
    void agentsAreAssignedLabelsAndPrivateNotesKept() throws Exception {
        receive("50255551234", "Necesito una cotización");
        String id = conversations("").path("items").get(0).path("id").asString();
        UUID lucia = tenants.addUser(tenant, "lucia", SystemRole.AGENT);
        UUID tecnico = tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/inbox/conversations/" + id + "/assignee", Map.of("assigneeId", lucia.toString())).token(admin)
            .send().json().path("summary").path("assigneeId").asString()).isEqualTo(lucia.toString());
        assertThat(api.put("/api/v1/inbox/conversations/" + id + "/assignee", Map.of("assigneeId", tecnico.toString()))
            .token(admin).send().problemCode()).isEqualTo("invalid-assignee");
        assertThat(conversations("?assigneeId=" + lucia).path("total").asLong()).isEqualTo(1);
        assertThat(conversations("?assigneeId=" + lucia).path("items").get(0).path("assigneeName").asString())
            .isEqualTo("Usuario lucia");
        assertThat(conversations("?unassigned=true").path("total").asLong()).isZero();

        JsonNode labelled = api.put("/api/v1/inbox/conversations/" + id + "/labels", Map.of("labels", List.of("Cotización",
                "urgente", "urgente"), "priority", "HIGH")).token(admin).send().json();
        assertThat(labelled.path("summary").path("labels").valueStream().map(JsonNode::asString).toList())
            .containsExactly("cotización", "urgente");
        assertThat(labelled.path("summary").path("priority").asString()).isEqualTo("HIGH");
        assertThat(conversations("?label=urgente").path("total").asLong()).isEqualTo(1);

        String lucy = api.login(tenant.email("lucia"), TestTenants.PASSWORD);
        var added = api.post("/api/v1/inbox/conversations/" + id + "/notes", Map.of("body", "Cliente frecuente; ofrecer descuento"))
            .token(lucy).send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("authorName").asString()).isEqualTo("Usuario lucia");
        JsonNode detail = api.get("/api/v1/inbox/conversations/" + id).token(lucy).send().json();
        JsonNode notes = detail.path("notes");
        assertThat(notes.get(0).path("authorId").asString()).isEqualTo(lucia.toString());
        assertThat(notes.get(0).path("authorName").asString()).isEqualTo("Usuario lucia");
        assertThat(detail.path("summary").path("assigneeName").asString()).isEqualTo("Usuario lucia");
        assertThat(api.post("/api/v1/inbox/conversations/" + id + "/notes", Map.of("body", " ")).token(lucy).send().status())
            .isEqualTo(400);
    }

    @Test
    void anotherTenantsConversationIdsAnswer404() throws Exception {
        receive("50255551234", "Hola");
        JsonNode conversation = conversations("").path("items").get(0);
        String id = conversation.path("id").asString();
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String base = "/api/v1/inbox/conversations/" + id;
        assertThat(api.get(base).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/status", Map.of("status", "RESOLVED")).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/assignee", Map.of()).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/labels", Map.of("labels", List.of("x"))).token(them).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/notes", Map.of("body", "x")).token(them).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/inbox/contacts/" + conversation.path("contactId").asString() + "/customer", Map.of())
            .token(them).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/conversations").token(them).send().json().path("total").asLong()).isZero();
        assertThat(api.get(base).token(admin).send().json().path("summary").path("status").asString()).isEqualTo("OPEN");
    }
}
