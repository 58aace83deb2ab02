package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

class CustomerAddressesAndDocumentsTest extends TenantApiTest {


    String customerId;

    @BeforeEach
    void setUp() {
        customerId = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Hotel Casa Antigua",
                "country", "GT")).token(admin).send().json().path("id").asString();
    }

    Map<String, Object> address(String department, String municipality) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "SERVICE_SITE");
        body.put("departmentId", department);
        body.put("municipalityId", municipality);
        body.put("zone", "Zona 10");
        body.put("street", "5a. Avenida 12-34");
        body.put("reference", "Portón verde, frente al parque");
        body.put("latitude", 14.5986);
        body.put("longitude", -90.5075);
        return body;
    }

    @Test
    void addressesReferenceTheCatalogOfTheCustomersCountry() {
        Response added = api.post("/api/v1/customers/" + customerId + "/addresses", address("GT-01", "GT-0101"))
            .token(admin).send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("mapUrl").asString()).contains("mlat=14.598600").contains("mlon=-90.507500");

        assertThat(api.post("/api/v1/customers/" + customerId + "/addresses", address("GT-03", "GT-0101")).token(admin)
            .send().problemCode()).isEqualTo("invalid-place"); // Guatemala City is not in Sacatepéquez
        assertThat(api.post("/api/v1/customers/" + customerId + "/addresses", address("SV-06", "SV-0601")).token(admin)
            .send().problemCode()).isEqualTo("invalid-place"); // a Guatemalan customer
        Map<String, Object> halfCoordinates = address("GT-01", "GT-0108");
        halfCoordinates.remove("longitude");
        assertThat(api.post("/api/v1/customers/" + customerId + "/addresses", halfCoordinates).token(admin).send()
            .problemCode()).isEqualTo("incomplete-coordinates");
        Map<String, Object> invalid = address("GT-01", "GT-0101");
        invalid.put("latitude", 123);
        invalid.put("kind", "MOON_BASE");
        Response bad = api.post("/api/v1/customers/" + customerId + "/addresses", invalid).token(admin).send();
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .contains("latitude", "kind");

        JsonNode customer = api.get("/api/v1/customers/" + customerId).token(admin).send().json();
        assertThat(customer.path("addresses").size()).isEqualTo(1);
        String addressId = customer.path("addresses").get(0).path("id").asString();
        assertThat(api.delete("/api/v1/customers/" + customerId + "/addresses/" + addressId).token(admin).send().status())
            .isEqualTo(204);
        assertThat(api.delete("/api/v1/customers/" + customerId + "/addresses/" + addressId).token(admin).send().status())
            .isEqualTo(404);
    }

    @Test
    void documentsCarryExpiryBadgesAFileAndAnEncryptedNumber() {
        String fileId = uploadPdf();
        LocalDate today = LocalDate.now();
        Response dpi = api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "DPI",
                "number", "2456 78901 0101", "expiresOn", today.plusDays(10).toString(), "fileId", fileId)).token(admin).send();
        assertThat(dpi.status()).isEqualTo(201);
        assertThat(dpi.json().path("expiry").asString()).isEqualTo("EXPIRING");
        api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "PERMIT",
                "expiresOn", today.minusDays(1).toString())).token(admin).send();
        api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "CONTRACT",
                "expiresOn", today.plusYears(1).toString())).token(admin).send();

        JsonNode documents = api.get("/api/v1/customers/" + customerId).token(admin).send().json().path("documents");
        assertThat(documents.valueStream().map(d -> d.path("expiry").asString()).toList())
            .containsExactly("EXPIRED", "EXPIRING", "VALID");
        assertThat(documents.get(1).path("number").asString()).isEqualTo("2456 78901 0101");

        String stored = tenantTx.read(tenant.id(), s -> jdbc
            .sql("select number from customer_documents where type = 'DPI'").query(String.class).single());
        assertThat(stored).startsWith("k1:").doesNotContain("2456");
        String audit = api.get("/api/v1/audit-log?entityType=customer_document").token(admin).send().text();
        assertThat(audit).doesNotContain("2456");

        assertThat(api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "RTU", "fileId",
                UUID.randomUUID().toString())).token(admin).send().problemCode()).isEqualTo("unknown-file");
    }

    @Test
    void anotherTenantCannotTouchTheseRecords() {
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/customers/" + customerId + "/addresses", address("GT-01", "GT-0101"))
            .token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/customers/" + customerId + "/documents", Map.of("type", "DPI")).token(otherAdmin)
            .send().status()).isEqualTo(404);
        String addressId = api.post("/api/v1/customers/" + customerId + "/addresses", address("GT-01", "GT-0101"))
            .token(admin).send().json().path("id").asString();
        assertThat(api.delete("/api/v1/customers/" + customerId + "/addresses/" + addressId).token(otherAdmin).send()
            .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + customerId).token(admin).send().json().path("addresses").size()).isEqualTo(1);
    }

    private String uploadPdf() {
        Response uploaded = api.upload("/api/v1/files?ownerType=customer&ownerId=" + customerId, admin, "dpi.pdf",
                "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json().path("id").asString();
    }
}
