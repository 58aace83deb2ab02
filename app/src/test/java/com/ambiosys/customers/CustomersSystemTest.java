package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

class CustomersSystemTest extends TenantApiTest {




    Map<String, Object> josePerez() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PERSON");
        body.put("commercialName", "José Pérez");
        body.put("taxId", "576937-K");
        body.put("country", "GT");
        body.put("tags", List.of("Eventos", "zona 10"));
        body.put("contact", Map.of("fullName", "José Pérez", "role", "PRIMARY", "phones", List.of("+502 5555-1234"),
                "emails", List.of("Jose.Perez@Example.com")));
        return body;
    }

    String create(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/customers", body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void createsACustomerWithAContactAndNormalizesWhatWasTyped() {
        String id = create(admin, josePerez());
        JsonNode customer = api.get("/api/v1/customers/" + id).token(admin).send().json();
        assertThat(customer.path("taxId").asString()).isEqualTo("576937K");
        assertThat(customer.path("tags").toString()).isEqualTo("[\"eventos\",\"zona 10\"]");
        JsonNode contact = customer.path("contacts").get(0);
        assertThat(contact.path("phones").get(0).asString()).isEqualTo("+50255551234");
        assertThat(contact.path("emails").get(0).asString()).isEqualTo("jose.perez@example.com");
        assertThat(customer.path("ownerId").asString()).isEqualTo(tenant.adminId().toString());
    }

    @Test
    void searchForgivesAccentsCaseAndHowAPhoneIsTyped() {
        String id = create(admin, josePerez());
        Map<String, Object> other = josePerez();
        other.put("commercialName", "Sanitarios del Norte, S.A.");
        other.put("kind", "COMPANY");
        other.remove("taxId");
        other.put("tags", List.of("permanente"));
        other.put("contact", Map.of("fullName", "Lucía Gómez", "phones", List.of("44443333")));
        create(admin, other);
        for (String query : List.of("jose perez", "JOSÉ", "55551234", "5555-1234", "+502 5555 1234", "576937-k",
                "jose.perez@example.com")) {
            JsonNode found = api.get("/api/v1/customers?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .token(admin).send().json();
            assertThat(found.path("items").valueStream().map(c -> c.path("id").asString()).toList()).as(query).containsExactly(id);
        }
        assertThat(api.get("/api/v1/customers?q=lucia%20gomez").token(admin).send().json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers?tag=eventos").token(admin).send().json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers?size=1").token(admin).send().json().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void warnsOfDuplicatesByTaxIdPhoneOrEmailUntilConfirmed() {
        String first = create(admin, josePerez());
        Map<String, Object> again = josePerez();
        again.put("commercialName", "Pepe Pérez");
        Response warning = api.post("/api/v1/customers", again).token(admin).send();
        assertThat(warning.status()).isEqualTo(409);
        assertThat(warning.problemCode()).isEqualTo("possible-duplicate");
        assertThat(warning.json().path("duplicates").valueStream().map(d -> d.path("matchedOn").asString()).toList())
            .containsExactlyInAnyOrder("taxId", "phone", "email");
        assertThat(warning.json().path("duplicates").get(0).path("id").asString()).isEqualTo(first);
        again.put("allowDuplicate", true);
        assertThat(api.post("/api/v1/customers", again).token(admin).send().status()).isEqualTo(201);
    }

    @Test
    void invalidDataIsRefusedWithTheFieldsAndNothingIsStored() {
        Response bad = api.post("/api/v1/customers", Map.of("kind", "ALIEN", "commercialName", "", "country", "MX"))
            .token(admin).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .contains("kind", "commercialName", "country");
        Map<String, Object> badNit = josePerez();
        badNit.put("taxId", "576937-1");
        assertThat(api.post("/api/v1/customers", badNit).token(admin).send().problemCode()).isEqualTo("invalid-tax-id");
        Map<String, Object> badPhone = josePerez();
        badPhone.put("contact", Map.of("fullName", "X", "phones", List.of("12")));
        assertThat(api.post("/api/v1/customers", badPhone).token(admin).send().problemCode()).isEqualTo("invalid-phone");
        assertThat(api.get("/api/v1/customers").token(admin).send().json().path("total").asLong()).isZero();
    }

    @Test
    void salesRepsSeeOnlyTheirOwnCustomers() {
        UUID ana = tenants.addUser(tenant, "ana", SystemRole.SALES);
        tenants.addUser(tenant, "beto", SystemRole.SALES);
        String anaToken = api.login(tenant.email("ana"), TestTenants.PASSWORD);
        String betoToken = api.login(tenant.email("beto"), TestTenants.PASSWORD);
        String anas = create(anaToken, josePerez());
        assertThat(api.get("/api/v1/customers/" + anas).token(anaToken).send().json().path("ownerId").asString())
            .isEqualTo(ana.toString());
        assertThat(api.get("/api/v1/customers/" + anas).token(betoToken).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers").token(betoToken).send().json().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/customers").token(admin).send().json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void blockAndSoftDeleteKeepTheRowAndTheReason() {
        String id = create(admin, josePerez());
        assertThat(api.put("/api/v1/customers/" + id + "/status", Map.of("status", "BLOCKED", "reason", "Mora de 90 días"))
            .token(admin).send().status()).isEqualTo(204);
        JsonNode blocked = api.get("/api/v1/customers/" + id).token(admin).send().json();
        assertThat(blocked.path("status").asString()).isEqualTo("BLOCKED");
        assertThat(blocked.path("statusReason").asString()).isEqualTo("Mora de 90 días");
        assertThat(api.delete("/api/v1/customers/" + id).token(admin).send().status()).isEqualTo(400); // reason required
        Response deleted = api.delete("/api/v1/customers/" + id, Map.of("reason", "Registro de prueba")).token(admin).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/customers/" + id).token(admin).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers").token(admin).send().json().path("total").asLong()).isZero();
        JsonNode audit = api.get("/api/v1/audit-log?entityType=customer&entityId=" + id).token(admin).send().json();
        assertThat(audit.path("items").valueStream().map(e -> e.path("action").asString()).toList())
            .containsExactly("DELETE", "UPDATE", "CREATE");
    }

    @Test
    void theListSortsAsASpanishReaderExpects() {
        for (String name : List.of("Zeta Servicios", "Ángel Ruiz", "alba limpiezas", "Álvarez y Asociados", "Amado Castro")) {
            api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", name, "country", "GT")).token(admin).send();
        }
        assertThat(api.get("/api/v1/customers").token(admin).send().json().path("items").valueStream()
            .map(i -> i.path("commercialName").asString()).toList())
            .containsExactly("alba limpiezas", "Álvarez y Asociados", "Amado Castro", "Ángel Ruiz", "Zeta Servicios");
    }

    @Test
    void aListLongerThanAThousandGivesAnEstimatedTotalAndSearchesStayExact() {
        tenantTx.run(tenant.id(), status -> jdbc.sql("""
                insert into customers (tenant_id, id, kind, commercial_name, country, status, created_at, updated_at)
                select :t, gen_random_uuid(), 'COMPANY', 'Cliente ' || lpad(i::text, 4, '0'), 'GT', 'ACTIVE', now(), now()
                  from generate_series(1, 1200) i
                """).param("t", tenant.id()).update());
        create(admin, josePerez());
        JsonNode all = api.get("/api/v1/customers?size=50&page=3").token(admin).send().json();
        assertThat(all.path("totalEstimated").asBoolean()).isTrue();
        assertThat(all.path("total").asLong()).isGreaterThan(1000);
        assertThat(all.path("items").get(0).path("commercialName").asString()).isEqualTo("Cliente 0151");
        JsonNode found = api.get("/api/v1/customers?q=cliente%20011").token(admin).send().json();
        assertThat(found.path("totalEstimated").asBoolean()).isFalse();
        assertThat(found.path("total").asLong()).isEqualTo(10); // Cliente 0110 … 0119
        JsonNode jose = api.get("/api/v1/customers?q=jose%20perez").token(admin).send().json();
        assertThat(jose.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers?q=zzzz&page=5").token(admin).send().json().path("total").asLong()).isZero();
    }

    @Test
    void anotherTenantsCustomerIdsAnswer404() {
        String id = create(admin, josePerez());
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/customers/" + id).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/customers/" + id, Map.of("commercialName", "X")).token(otherAdmin).send().status())
            .isEqualTo(404);
        assertThat(api.put("/api/v1/customers/" + id + "/status", Map.of("status", "BLOCKED")).token(otherAdmin).send()
            .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/customers/" + id + "/contacts", Map.of("fullName", "X")).token(otherAdmin).send()
            .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + id).token(admin).send().json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void anOwnerFromAnotherTenantOrWhoCannotHoldCustomersIsRefused() {
        TestTenant other = tenants.create();
        String id = create(admin, josePerez());
        Map<String, Object> body = new HashMap<>(josePerez());
        body.put("ownerId", other.adminId().toString());
        body.put("allowDuplicate", true);
        Response foreignOwner = api.post("/api/v1/customers", body).token(admin).send();
        assertThat(foreignOwner.status()).isEqualTo(400);
        assertThat(foreignOwner.problemCode()).isEqualTo("invalid-customer-owner");
        UUID technician = tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        Response notAnOwner = api.put("/api/v1/customers/" + id, Map.of("commercialName", "José Pérez",
                "ownerId", technician.toString())).token(admin).send();
        assertThat(notAnOwner.problemCode()).isEqualTo("invalid-customer-owner");
        Response unchanged = api.put("/api/v1/customers/" + id, Map.of("commercialName", "José Pérez",
                "ownerId", other.adminId().toString())).token(admin).send();
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + id).token(admin).send().json().path("ownerId").asString())
            .isEqualTo(tenant.adminId().toString());
        UUID rep = tenants.addUser(tenant, "vendedora", SystemRole.SALES);
        assertThat(api.put("/api/v1/customers/" + id, Map.of("commercialName", "José Pérez", "ownerId", rep.toString()))
            .token(admin).send().json().path("ownerId").asString()).isEqualTo(rep.toString());
        assertThat(api.get("/api/v1/customers?ownerId=" + other.adminId()).token(admin).send().json().path("total").asLong())
            .isZero();
    }
}
