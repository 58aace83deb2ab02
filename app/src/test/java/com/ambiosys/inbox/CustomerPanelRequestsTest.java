package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * The conversation's customer panel lists the customer's open service requests with the service requests
 * API: this checks that call as the inbox's agents make it. Open = every status but COMPLETED, CANCELLED
 * and LOST. An agent answers whoever writes in, so the AGENT role sees every customer and request
 * ({@code customers:view_all}, {@code servicerequests:view_all}); a sales rep (SALES) still sees only the
 * requests they own or created.
 */
class CustomerPanelRequestsTest extends TenantApiTest {

    static final String OPEN = "status=NEW&status=IN_REVIEW&status=PENDING_APPROVAL&status=QUOTED&status=ACCEPTED"
            + "&status=SCHEDULED&status=IN_PROGRESS&status=WAITING_ON_CUSTOMER";

    String customer(String token, String name, String phone) {
        return api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", name, "country", "GT", "contact",
                Map.of("fullName", name, "phones", List.of(phone)))).token(token).send().json().path("id").asString();
    }

    String request(String token, String type, String customer, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("serviceTypeId", type);
        body.put("channel", "WHATSAPP");
        body.put("description", description);
        body.put("typeData", Map.of("nota", "desde la bandeja"));
        var created = api.post("/api/v1/service-requests", body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(r -> r.path("id").asString()).toList();
    }

    @Test
    void anInboxAgentSeesEveryOpenRequestOfTheCustomerWhoWritesASalesRepOnlyTheirOwn() {
        String type = api.post("/api/v1/service-types", Map.of("code", "OTHER", "name", "Otro", "dataSchema", "FREE_FORM"))
            .token(admin).send().json().path("id").asString();
        tenants.addUser(tenant, "lucia", SystemRole.AGENT);
        tenants.addUser(tenant, "carlos", SystemRole.SALES);
        String lucia = api.login(tenant.email("lucia"), TestTenants.PASSWORD);
        String carlos = api.login(tenant.email("carlos"), TestTenants.PASSWORD);
        String jose = customer(admin, "José Pérez", "5555-1234"); // a customer the agent did not create
        String other = customer(admin, "Marta López", "7777-8888");
        String byAdmin = request(admin, type, jose, "Renta de sanitarios para evento");
        String byLucia = request(lucia, type, jose, "Limpieza de fosa, pidió por WhatsApp");
        request(admin, type, other, "Otra clienta");
        String done = request(admin, type, jose, "Servicio ya cancelado");
        assertThat(api.post("/api/v1/service-requests/" + done + "/transitions", Map.of("to", "CANCELLED", "comment", "No procede"))
            .token(admin).send().status()).isEqualTo(200);

        assertThat(api.get("/api/v1/customers/" + jose).token(lucia).send().status()).isEqualTo(200);
        assertThat(ids(api.get("/api/v1/service-requests?customerId=" + jose + "&" + OPEN).token(lucia).send().json()))
            .containsExactlyInAnyOrder(byAdmin, byLucia);
        assertThat(ids(api.get("/api/v1/service-requests?customerId=" + jose + "&status=COMPLETED&status=CANCELLED&status=LOST")
            .token(lucia).send().json())).containsExactly(done);
        // a sales rep without view_all: neither the customer nor its requests they did not create
        assertThat(api.get("/api/v1/customers/" + jose).token(carlos).send().status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/service-requests?customerId=" + jose + "&" + OPEN).token(carlos).send().json())).isEmpty();
        // managing the inbox is not an agent's: canned responses are read, not written
        assertThat(api.get("/api/v1/inbox/canned-responses").token(lucia).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "hola", "title", "Hola", "body", "Hola"))
            .token(lucia).send().status()).isEqualTo(403);
    }
}
