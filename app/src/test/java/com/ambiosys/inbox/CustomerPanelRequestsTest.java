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
 * and LOST; it needs {@code servicerequests:view}, and without {@code servicerequests:view_all} (the AGENT
 * and SALES roles) a user sees only the requests they own or created (and, without
 * {@code customers:view_all}, only the customers they own).
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

    @Test
    void anInboxAgentListsTheCustomersOpenRequestsTheyMayView() {
        String type = api.post("/api/v1/service-types", Map.of("code", "OTHER", "name", "Otro", "dataSchema", "FREE_FORM"))
            .token(admin).send().json().path("id").asString();
        tenants.addUser(tenant, "lucia", SystemRole.AGENT);
        String lucia = api.login(tenant.email("lucia"), TestTenants.PASSWORD);
        // without customers:view_all an agent works with the customers they own (here: created)
        String jose = customer(lucia, "José Pérez", "5555-1234");
        String other = customer(lucia, "Marta López", "7777-8888");
        String hers = request(lucia, type, jose, "Limpieza de fosa, pidió por WhatsApp");
        request(admin, type, jose, "Renta de sanitarios para evento");
        request(lucia, type, other, "Otra clienta");

        JsonNode seen = api.get("/api/v1/service-requests?customerId=" + jose + "&" + OPEN).token(lucia).send().json();
        assertThat(seen.path("items").valueStream().map(r -> r.path("id").asString()).toList()).containsExactly(hers);
        assertThat(api.get("/api/v1/service-requests?customerId=" + jose + "&" + OPEN).token(admin).send().json()
            .path("total").asLong()).as("with servicerequests:view_all").isEqualTo(2);
        assertThat(api.get("/api/v1/service-requests?customerId=" + jose + "&status=COMPLETED&status=CANCELLED&status=LOST")
            .token(lucia).send().json().path("total").asLong()).isZero();
    }
}
