package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Request;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

/**
 * The domain's words are enums, and a value that is not one of them is refused as the patterns they replace
 * refused it: a 400 validation problem that names the field, in a body as in a query parameter.
 */
class DomainWordsSystemTest extends TenantApiTest {

    @Test
    void anUnknownWordInABodyIsAFieldOfTheValidationProblem() {
        Response r = api.put("/api/v1/inbox/presence", Map.of("status", "BUSY")).token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("validation");
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactly("status");
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "away")).token(admin).send().status()).isEqualTo(400);
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "AWAY")).token(admin).send().json()
            .path("status").asString()).isEqualTo("AWAY");
    }

    @Test
    void aWordInAQueryParameterIsItsExactName() {
        for (String bad : new String[] { "GIFT", "", "%20PRODUCT", "product" }) {
            Response r = api.get("/api/v1/catalog/items?kind=" + bad).token(admin).send();
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.problemCode()).isEqualTo("validation");
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
        }
        assertThat(api.get("/api/v1/catalog/items?kind=PRODUCT").token(admin).send().status()).isEqualTo(200);
    }

    @Test
    void aServiceRequestsUnknownStatusPriorityChannelOrWeekdayNamesItsField() {
        String request = "/api/v1/service-requests/" + UUID.randomUUID();
        assertThat(fields(api.post(request + "/transitions", Map.of("to", "FLYING")).token(admin).send())).containsExactly("to");
        assertThat(fields(api.post(request + "/transitions", Map.of("to", "1")).token(admin).send())).containsExactly("to");
        assertThat(fields(api.post(request + "/transitions", Map.of("to", 1)).token(admin).send())).containsExactly("to");
        assertThat(fields(api.post("/api/v1/service-requests", Map.of("customerId", UUID.randomUUID(), "serviceTypeId",
                UUID.randomUUID(), "priority", "YESTERDAY", "channel", "FAX", "description", "Fosa")).token(admin).send()))
            .containsExactlyInAnyOrder("priority", "channel");
        assertThat(fields(api.put(request, Map.of("priority", "low", "description", "Fosa")).token(admin).send()))
            .containsExactly("priority");
        assertThat(fields(api.get("/api/v1/service-requests?status=NEW&status=FLYING").token(admin).send()))
            .containsExactly("status");
        assertThat(fields(api.get("/api/v1/service-requests?slaStatus=LATE").token(admin).send())).containsExactly("slaStatus");
        assertThat(fields(api.post("/api/v1/sla-policies", Map.of("name", "Pronto", "priority", "SOON", "responseMinutes", 60,
                "resolutionMinutes", 600)).token(admin).send())).containsExactly("priority");
        assertThat(fields(api.post("/api/v1/service-types", Map.of("code", "XML", "name", "XML", "dataSchema", "XML"))
            .token(admin).send())).containsExactly("dataSchema");
        assertThat(fields(api.put("/api/v1/service-requests/settings", Map.of("approvalRequired", false, "timeZone",
                "America/Guatemala", "week", Map.of("FUNDAY", List.of(List.of("08:00", "12:00"))))).token(admin).send()))
            .containsExactly("week");
        assertThat(api.get("/api/v1/service-requests?status=NEW&status=IN_REVIEW&slaStatus=BREACHED").token(admin).send()
            .status()).isEqualTo(200);
    }

    /** The fields of a 400 validation problem. */
    private static List<String> fields(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("validation");
        return r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    @Test
    void aCustomersUnknownKindCountryRoleOrStatusIsAFieldOfTheValidationProblem() {
        assertRefused(api.post("/api/v1/customers", Map.of("kind", "GIANT", "commercialName", "Planta Sur", "country", "GT")),
                "kind");
        assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Planta Sur", "country", "MX")),
                "country");
        assertRefused(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Planta Sur", "country", "GT",
                "contact", Map.of("fullName", "Ana", "role", "BOSS"))), "role");
        Response created = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Planta Sur",
                "country", "SV", "contact", Map.of("fullName", "Ana", "role", "BILLING"))).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("kind").asString()).isEqualTo("PERSON");
        assertThat(created.json().path("country").asString()).isEqualTo("SV");
        assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().path("contacts").get(0).path("role").asString()).isEqualTo("BILLING");
        String id = created.json().path("id").asString();
        // deleting is its own command (customers:delete), never a status one sets
        assertRefused(api.put("/api/v1/customers/" + id + "/status", Map.of("status", "DELETED")), "status");
        assertRefused(api.get("/api/v1/customers?status=DELETED"), "status");
        assertRefused(api.get("/api/v1/customers/export?format=pdf"), "format");
        assertThat(api.get("/api/v1/customers/export?format=xlsx").token(admin).send().status()).isEqualTo(200);
    }

    @Test
    void anUnknownLanguageIsRefusedAndAKnownOneKeepsItsCode() {
        Map<String, Object> user = Map.of("email", tenant.email("idioma"), "fullName", "Idioma Prueba",
                "language", "fr", "timeZone", "America/Guatemala", "password", "Una-Clave-Segura-1");
        assertRefused(api.post("/api/v1/users", user), "language");
        Map<String, Object> upper = new java.util.HashMap<>(user);
        upper.put("language", "EN");
        assertRefused(api.post("/api/v1/users", upper), "language");
        Map<String, Object> english = new java.util.HashMap<>(user);
        english.put("language", "en");
        Response created = api.post("/api/v1/users", english).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("language").asString()).isEqualTo("en");
    }

    @Test
    void anUnknownMessageTypeOrOwnerTypeIsAFieldOfTheValidationProblem() {
        UUID someone = UUID.randomUUID();
        assertRefused(api.post("/api/v1/inbox/contacts/" + someone + "/messages", Map.of("type", "STICKER", "text", "Hola"))
            .header("Idempotency-Key", "k-1"), "type");
        assertRefused(api.post("/api/v1/simulator/phones/" + someone + "/messages", Map.of("type", "STICKER")), "type");
        for (String bad : List.of("Customer", "", "x")) {
            assertRefused(api.get("/api/v1/files?ownerType=" + bad + "&ownerId=" + someone), "ownerType");
        }
        assertThat(api.get("/api/v1/files?ownerType=customer&ownerId=" + someone).token(admin).send().status())
            .isNotEqualTo(400);
    }

    private void assertRefused(Request request, String field) {
        Response r = request.token(admin).send();
        assertThat(r.status()).as(field).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("validation");
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactly(field);
    }
}
