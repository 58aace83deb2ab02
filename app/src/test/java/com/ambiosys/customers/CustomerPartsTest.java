package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Editing and removing a customer's parts (contacts, addresses, documents, legal entities) and the list's filters. */
class CustomerPartsTest extends TenantApiTest {

    String customerId;

    @BeforeEach
    void setUp() {
        customerId = create("Agroindustrias San Miguel", "SV", List.of("ptar", "industrial"));
    }

    String create(String name, String country, List<String> tags) {
        return api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", name, "country", country,
                "tags", tags, "contact", Map.of("fullName", "Claudia Rivas", "phones", List.of("SV".equals(country) ? "7012-3456" : "5512-3344"))))
            .token(admin).send().json().path("id").asString();
    }

    JsonNode customer() {
        return api.get("/api/v1/customers/" + customerId).token(admin).send().json();
    }

    @Test
    void aContactIsEditedRemovedAndOnlyOneIsPrimary() {
        String claudia = customer().path("contacts").get(0).path("id").asString();
        Response added = api.post("/api/v1/customers/" + customerId + "/contacts", Map.of("fullName", "Óscar Menjívar",
                "role", "BILLING", "phones", List.of("2222 3333", "+503 7777-8888"), "emails", List.of("Oscar@Agro.com.sv")))
            .token(admin).send();
        assertThat(added.status()).isEqualTo(201);
        String oscar = added.json().path("id").asString();

        Response edited = api.put("/api/v1/customers/" + customerId + "/contacts/" + oscar, Map.of("fullName",
                "Óscar Menjívar Ruiz", "role", "PRIMARY", "phones", List.of("+503 7777-8888"), "emails",
                List.of("oscar@agro.com.sv", "pagos@agro.com.sv"))).token(admin).send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("phones").get(0).asString()).isEqualTo("+50377778888");
        JsonNode contacts = customer().path("contacts");
        Map<String, String> roles = new HashMap<>();
        contacts.forEach(k -> roles.put(k.path("fullName").asString(), k.path("role").asString()));
        assertThat(roles).containsEntry("Óscar Menjívar Ruiz", "PRIMARY").containsEntry("Claudia Rivas", "OTHER");

        // search now finds the edited phone, and no longer the removed one
        assertThat(search("q=77778888").path("total").asLong()).isEqualTo(1);
        assertThat(search("q=22223333").path("total").asLong()).isZero();

        Response badPhone = api.put("/api/v1/customers/" + customerId + "/contacts/" + oscar,
                Map.of("fullName", "Óscar", "phones", List.of("12"))).token(admin).send();
        assertThat(badPhone.problemCode()).isEqualTo("invalid-phone");
        assertThat(api.put("/api/v1/customers/" + customerId + "/contacts/" + oscar, Map.of("fullName", "")).token(admin)
            .send().status()).isEqualTo(400);
        assertThat(api.put("/api/v1/customers/" + customerId + "/contacts/" + UUID.randomUUID(),
                Map.of("fullName", "Nadie")).token(admin).send().status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/customers/" + customerId + "/contacts/" + claudia).token(admin).send().status())
            .isEqualTo(204);
        assertThat(customer().path("contacts").size()).isEqualTo(1);
        assertThat(customer().path("contacts").get(0).path("fullName").asString()).isEqualTo("Óscar Menjívar Ruiz");
        JsonNode audit = api.get("/api/v1/audit-log?entityType=customer_contact&entityId=" + oscar).token(admin).send()
            .json();
        assertThat(audit.path("items").valueStream().map(e -> e.path("action").asString()).toList())
            .containsExactly("UPDATE", "CREATE");
    }

    @Test
    void anAddressIsEditedWithinTheCountrysCatalog() {
        Map<String, Object> address = new HashMap<>(Map.of("kind", "SERVICE_SITE", "departmentId", "SV-06",
                "municipalityId", "SV-0601", "street", "Calle El Progreso 3021"));
        String addressId = api.post("/api/v1/customers/" + customerId + "/addresses", address).token(admin).send().json()
            .path("id").asString();
        address.put("street", "Boulevard del Hipódromo 520");
        address.put("kind", "BILLING");
        Response edited = api.put("/api/v1/customers/" + customerId + "/addresses/" + addressId, address).token(admin)
            .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("street").asString()).isEqualTo("Boulevard del Hipódromo 520");
        assertThat(customer().path("addresses").get(0).path("kind").asString()).isEqualTo("BILLING");

        address.put("departmentId", "GT-01");
        address.put("municipalityId", "GT-0101");
        assertThat(api.put("/api/v1/customers/" + customerId + "/addresses/" + addressId, address).token(admin).send()
            .problemCode()).isEqualTo("invalid-place");
        assertThat(customer().path("addresses").get(0).path("departmentId").asString()).isEqualTo("SV-06");

        // the department filter finds customers with an address there
        create("Hotel Casa Antigua", "GT", List.of("eventos"));
        assertThat(search("departmentId=SV-06").path("items").valueStream().map(i -> i.path("id").asString()).toList())
            .containsExactly(customerId);
        assertThat(search("departmentId=SV-01").path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/customers?departmentId=Guatemala").token(admin).send().status()).isEqualTo(400);
    }

    @Test
    void aDocumentIsRemoved() {
        String documentId = api.post("/api/v1/customers/" + customerId + "/documents",
                Map.of("type", "NRC", "number", "123456-7")).token(admin).send().json().path("id").asString();
        assertThat(customer().path("documents").size()).isEqualTo(1);
        assertThat(api.delete("/api/v1/customers/" + customerId + "/documents/" + documentId).token(admin).send().status())
            .isEqualTo(204);
        assertThat(customer().path("documents").size()).isZero();
        assertThat(api.delete("/api/v1/customers/" + customerId + "/documents/" + documentId).token(admin).send().status())
            .isEqualTo(404);
    }

    @Test
    void legalEntitiesAreEditedWithOneDefaultAndAValidNrc() {
        String base = "/api/v1/customers/" + customerId + "/legal-entities";
        String first = api.post(base, Map.of("legalName", "Agroindustrias San Miguel, S.A. de C.V.", "nrc", "123456-7",
                "isDefault", true)).token(admin).send().json().path("id").asString();
        Response second = api.post(base, Map.of("legalName", "Agro SM Logística, S.A. de C.V.", "nrc", "0098765 4"))
            .token(admin).send();
        assertThat(second.json().path("nrc").asString()).isEqualTo("98765-4");
        String secondId = second.json().path("id").asString();

        Response edited = api.put(base + "/" + secondId, Map.of("legalName", "Agro SM Logística, S.A. de C.V.",
                "taxId", "0614-050707-104-8", "nrc", "98765-4", "isDefault", true)).token(admin).send();
        assertThat(edited.status()).isEqualTo(200);
        JsonNode entities = api.get(base).token(admin).send().json();
        assertThat(entities.get(0).path("id").asString()).isEqualTo(secondId);
        assertThat(entities.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(entities.get(1).path("isDefault").asBoolean()).isFalse();

        assertThat(api.put(base + "/" + first, Map.of("legalName", "X", "nrc", "12-34-56")).token(admin).send()
            .problemCode()).isEqualTo("invalid-nrc");
        assertThat(api.put(base + "/" + first, Map.of("legalName", "X", "taxId", "123")).token(admin).send()
            .problemCode()).isEqualTo("invalid-tax-id");
        assertThat(api.get(base).token(admin).send().json().get(1).path("legalName").asString())
            .isEqualTo("Agroindustrias San Miguel, S.A. de C.V.");

        String guatemalan = create("Constructora Los Altos", "GT", List.of());
        assertThat(api.post("/api/v1/customers/" + guatemalan + "/legal-entities",
                Map.of("legalName", "Los Altos, S.A.", "nrc", "123456-7")).token(admin).language("en").send().json()
            .path("title").asString()).isEqualTo("Invalid NRC");

        assertThat(api.delete(base + "/" + first).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get(base).token(admin).send().json().size()).isEqualTo(1);
    }

    @Test
    void tagsAndOwnersFeedTheListFilters() {
        UUID ana = tenants.addUser(tenant, "ana", SystemRole.SALES);
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        String anaToken = api.login(tenant.email("ana"), TestTenants.PASSWORD);
        api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "María Elena Flores", "country", "SV",
                "tags", List.of("Sanitarios", "eventos"))).token(anaToken).send();

        assertThat(api.get("/api/v1/customers/tags").token(admin).send().json().valueStream().map(JsonNode::asString)
            .toList()).containsExactly("eventos", "industrial", "ptar", "sanitarios");
        assertThat(api.get("/api/v1/customers/tags").token(anaToken).send().json().valueStream().map(JsonNode::asString)
            .toList()).containsExactly("eventos", "sanitarios");
        assertThat(search("tag=ptar").path("total").asLong()).isEqualTo(1);
        assertThat(search("ownerId=" + ana).path("items").get(0).path("commercialName").asString())
            .isEqualTo("María Elena Flores");

        List<String> owners = api.get("/api/v1/customers/owners").token(admin).send().json().valueStream()
            .map(o -> o.path("id").asString()).toList();
        assertThat(owners).contains(ana.toString(), tenant.adminId().toString()).hasSize(2); // not the technician
    }

    @Test
    void anotherTenantsPartIdsAnswer404() {
        JsonNode c = customer();
        String contactId = c.path("contacts").get(0).path("id").asString();
        String addressId = api.post("/api/v1/customers/" + customerId + "/addresses", Map.of("kind", "FISCAL",
                "departmentId", "SV-06", "municipalityId", "SV-0601", "street", "Calle Arce 1")).token(admin).send()
            .json().path("id").asString();
        String documentId = api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "OTHER"))
            .token(admin).send().json().path("id").asString();
        String entityId = api.post("/api/v1/customers/" + customerId + "/legal-entities", Map.of("legalName", "Agro"))
            .token(admin).send().json().path("id").asString();

        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String base = "/api/v1/customers/" + customerId;
        assertThat(api.put(base + "/contacts/" + contactId, Map.of("fullName", "X")).token(otherAdmin).send().status())
            .isEqualTo(404);
        assertThat(api.delete(base + "/contacts/" + contactId).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/addresses/" + addressId, Map.of("kind", "FISCAL", "departmentId", "SV-06",
                "municipalityId", "SV-0601", "street", "X")).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.delete(base + "/documents/" + documentId).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/legal-entities/" + entityId, Map.of("legalName", "X")).token(otherAdmin).send()
            .status()).isEqualTo(404);
        assertThat(api.delete(base + "/legal-entities/" + entityId).token(otherAdmin).send().status()).isEqualTo(404);
        // and a part of the other tenant's own customer cannot be reached through this tenant's customer either
        String theirs = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Pedro", "country", "GT",
                "contact", Map.of("fullName", "Pedro"))).token(otherAdmin).send().json().path("contacts").get(0)
            .path("id").asString();
        assertThat(api.delete(base + "/contacts/" + theirs).token(admin).send().status()).isEqualTo(404);

        JsonNode after = customer();
        assertThat(after.path("contacts").get(0).path("fullName").asString()).isEqualTo("Claudia Rivas");
        assertThat(after.path("addresses").size()).isEqualTo(1);
        assertThat(after.path("documents").size()).isEqualTo(1);
    }

    JsonNode search(String query) {
        return api.get("/api/v1/customers?" + query).token(admin).send().json();
    }
}
