package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/** The name search by words (V24: customer_search_words, customers_search) through GET /api/v1/customers?q=. */
class CustomerSearchTest extends TenantApiTest {

    private static Map<String, Object> customer(String name, String contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "COMPANY");
        body.put("commercialName", name);
        body.put("country", "GT");
        if (contact != null) {
            body.put("contact", Map.of("fullName", contact, "role", "PRIMARY", "phones", List.of("+502 4123-5678")));
        }
        return body;
    }

    private String create(String token, Map<String, Object> body) {
        body.put("allowDuplicate", true);
        Response created = api.post("/api/v1/customers", body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private JsonNode search(String token, String query) {
        return api.get("/api/v1/customers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).token(token).send().json();
    }

    private List<String> found(String query) {
        return search(admin, query).path("items").valueStream().map(c -> c.path("id").asString()).toList();
    }

    private long words(String customerId) {
        return tenantTx.read(tenant.id(), status -> jdbc.sql(
                "select count(*) from customer_search_words where tenant_id = :t and customer_id = :c and not deleted")
            .param("t", tenant.id()).param("c", UUID.fromString(customerId)).query(Long.class).single());
    }

    @Test
    void theWordsFollowCreatesRenamesContactChangesAndDeletes() {
        String id = create(admin, customer("Ferretería El Martillo, S.A.", "Ramón Castañeda"));
        assertThat(words(id)).isEqualTo(7); // ferreteria el martillo s a + ramon castaneda
        assertThat(found("ferreteria martillo")).containsExactly(id);
        assertThat(found("MARTILLO ferret")).containsExactly(id);
        assertThat(found("castaneda")).containsExactly(id);

        assertThat(api.put("/api/v1/customers/" + id, Map.of("commercialName", "Distribuidora Quetzal")).token(admin).send()
            .status()).isEqualTo(200);
        assertThat(found("martillo")).isEmpty();
        assertThat(found("quetzal")).containsExactly(id);
        assertThat(found("castaneda")).containsExactly(id);

        String contact = api.get("/api/v1/customers/" + id).token(admin).send().json().path("contacts").get(0).path("id")
            .asString();
        assertThat(api.put("/api/v1/customers/" + id + "/contacts/" + contact,
                Map.of("fullName", "Lucía Tzoc", "role", "PRIMARY", "phones", List.of("+502 4123-5678"))).token(admin).send()
            .status()).isEqualTo(200);
        assertThat(found("castaneda")).isEmpty();
        assertThat(found("lucia tzoc")).containsExactly(id);

        assertThat(api.delete("/api/v1/customers/" + id + "/contacts/" + contact).token(admin).send().status())
            .isEqualTo(204);
        assertThat(found("tzoc")).isEmpty();
        assertThat(words(id)).isEqualTo(2);
        assertThat(api.post("/api/v1/customers/" + id + "/contacts", Map.of("fullName", "Óscar Monterroso", "role", "BILLING"))
            .token(admin).send().status()).isEqualTo(201);
        assertThat(found("oscar")).containsExactly(id);

        assertThat(api.delete("/api/v1/customers/" + id, Map.of("reason", "Cliente duplicado")).token(admin).send().status())
            .isEqualTo(204);
        assertThat(found("quetzal")).isEmpty();
        assertThat(found("oscar")).isEmpty();
        assertThat(search(admin, "quetzal").path("total").asLong()).isZero();
        assertThat(words(id)).isZero();
    }

    @Test
    void everyWordMustBeginAWordOfTheSameNameWhateverTheAccentsAndCase() {
        String jose = create(admin, customer("José Pérez", null));
        String hermanos = create(admin, customer("Pérez Hermanos", "José García"));
        assertThat(found("jose perez")).containsExactly(jose);
        assertThat(found("PÉREZ josé")).containsExactly(jose);
        assertThat(found("pér")).containsExactly(jose, hermanos); // the list's order
        assertThat(found("jose garcia")).containsExactly(hermanos);
        assertThat(found("garcia perez")).isEmpty(); // a contact's word and the customer's: not one name
        assertThat(found("perez x")).isEmpty();
        assertThat(found("  ,  ")).isEmpty();
    }

    @Test
    void aSearchPagesInNameOrderWithAnExactTotal() {
        for (int i = 25; i >= 1; i--) {
            create(admin, customer("Comercial Hernández %02d".formatted(i), null));
        }
        create(admin, customer("Agencia Sin Coincidencia", "Marta Hernández"));
        JsonNode first = api.get("/api/v1/customers?q=hernandez&size=10").token(admin).send().json();
        assertThat(first.path("total").asLong()).isEqualTo(26);
        assertThat(first.path("totalEstimated").asBoolean()).isFalse();
        assertThat(first.path("items").valueStream().map(c -> c.path("commercialName").asString()).toList())
            .containsExactly("Agencia Sin Coincidencia", "Comercial Hernández 01", "Comercial Hernández 02",
                    "Comercial Hernández 03", "Comercial Hernández 04", "Comercial Hernández 05", "Comercial Hernández 06",
                    "Comercial Hernández 07", "Comercial Hernández 08", "Comercial Hernández 09");
        JsonNode third = api.get("/api/v1/customers?q=hernandez&size=10&page=2").token(admin).send().json();
        assertThat(third.path("items").valueStream().map(c -> c.path("commercialName").asString()).toList())
            .containsExactly("Comercial Hernández 20", "Comercial Hernández 21", "Comercial Hernández 22",
                    "Comercial Hernández 23", "Comercial Hernández 24", "Comercial Hernández 25");
        JsonNode past = api.get("/api/v1/customers?q=hernandez&size=10&page=7").token(admin).send().json();
        assertThat(past.path("items").size()).isZero();
        assertThat(past.path("total").asLong()).isEqualTo(26);
        // with another filter the page statement counts what the filter keeps
        String blocked = search(admin, "hernandez 07").path("items").get(0).path("id").asString();
        api.put("/api/v1/customers/" + blocked + "/status", Map.of("status", "BLOCKED", "reason", "Mora")).token(admin).send();
        JsonNode active = api.get("/api/v1/customers?q=hernandez&status=ACTIVE&size=10&page=2").token(admin).send().json();
        assertThat(active.path("total").asLong()).isEqualTo(25);
        assertThat(active.path("items").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/customers?q=hernandez&status=BLOCKED&page=3").token(admin).send().json().path("total")
            .asLong()).isEqualTo(1);
    }

    @Test
    void aSalesRepFindsOnlyTheirOwnCustomers() {
        UUID ana = tenants.addUser(tenant, "ana", SystemRole.SALES);
        tenants.addUser(tenant, "beto", SystemRole.SALES);
        String anaToken = api.login(tenant.email("ana"), TestTenants.PASSWORD);
        String betoToken = api.login(tenant.email("beto"), TestTenants.PASSWORD);
        String anas = create(anaToken, customer("Lácteos Castañeda", "Rosa Castañeda"));
        create(betoToken, customer("Castañeda y Asociados", null));
        JsonNode forAna = search(anaToken, "castaneda");
        assertThat(forAna.path("total").asLong()).isEqualTo(1);
        assertThat(forAna.path("items").get(0).path("id").asString()).isEqualTo(anas);
        assertThat(search(anaToken, "asociados").path("total").asLong()).isZero();
        assertThat(search(admin, "castaneda").path("total").asLong()).isEqualTo(2);
        // the customer changes hands: the search follows
        assertThat(api.put("/api/v1/customers/" + anas, Map.of("commercialName", "Lácteos Castañeda", "ownerId", tenant.adminId().toString())).token(admin).send()
            .status()).isEqualTo(200);
        assertThat(search(anaToken, "castaneda").path("total").asLong()).isZero();
        assertThat(ana).isNotNull();
    }

    @Test
    void anotherTenantsCustomersNeverMatch() {
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String theirs = create(otherAdmin, customer("Colegio Monterroso", "Julio Monterroso"));
        assertThat(search(admin, "monterroso").path("total").asLong()).isZero();
        assertThat(search(admin, "julio").path("items").size()).isZero();
        assertThat(search(otherAdmin, "monterroso").path("items").get(0).path("id").asString()).isEqualTo(theirs);
        assertThat(api.get("/api/v1/customers/" + theirs).token(admin).send().status()).isEqualTo(404);
    }
}
