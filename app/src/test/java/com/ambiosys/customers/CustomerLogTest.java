package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

class CustomerLogTest extends TenantApiTest {


    String customerId;

    @BeforeEach
    void setUp() {
        customerId = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Grupo Cobán",
                "country", "GT")).token(admin).send().json().path("id").asString();
    }

    @Test
    void legalEntitiesHaveOneDefaultAndCheckedTaxIds() {
        String base = "/api/v1/customers/" + customerId + "/legal-entities";
        assertThat(api.post(base, Map.of("legalName", "Inversiones Cobán, S.A.", "taxId", "576937-K", "isDefault", true))
            .token(admin).send().status()).isEqualTo(201);
        assertThat(api.post(base, Map.of("legalName", "Servicios Cobán, S.A.", "isDefault", true)).token(admin).send()
            .status()).isEqualTo(201);
        JsonNode entities = api.get(base).token(admin).send().json();
        assertThat(entities.size()).isEqualTo(2);
        assertThat(entities.get(0).path("legalName").asString()).isEqualTo("Servicios Cobán, S.A.");
        assertThat(entities.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(entities.get(1).path("isDefault").asBoolean()).isFalse();
        assertThat(api.post(base, Map.of("legalName", "Mala", "taxId", "576937-1")).token(admin).send().problemCode())
            .isEqualTo("invalid-tax-id");
    }

    @Test
    void interactionsAreListedNewestFirstAndCannotBeInTheFuture() {
        String base = "/api/v1/customers/" + customerId + "/interactions";
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        api.post(base, Map.of("kind", "CALL", "occurredAt", yesterday.toString(), "summary", "Pidió cotización de 10 sanitarios"))
            .token(admin).send();
        api.post(base, Map.of("kind", "VISIT", "summary", "Visita al sitio en Cobán")).token(admin).send();
        JsonNode log = api.get(base + "?size=10").token(admin).send().json();
        assertThat(log.path("total").asLong()).isEqualTo(2);
        assertThat(log.path("items").get(0).path("kind").asString()).isEqualTo("VISIT");
        assertThat(log.path("items").get(0).path("userId").asString()).isEqualTo(tenant.adminId().toString());
        Response future = api.post(base, Map.of("kind", "NOTE", "occurredAt", Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                "summary", "x")).token(admin).send();
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asString()).isEqualTo("occurredAt");
    }

    @Test
    void anotherTenantSeesNeitherLog() {
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String base = "/api/v1/customers/" + customerId;
        assertThat(api.get(base + "/legal-entities").token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.get(base + "/interactions").token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/interactions", Map.of("kind", "NOTE", "summary", "intruso")).token(otherAdmin).send()
            .status()).isEqualTo(404);
        assertThat(api.post(base + "/legal-entities", Map.of("legalName", "Intrusa")).token(otherAdmin).send().status())
            .isEqualTo(404);
        assertThat(api.get(base + "/interactions").token(admin).send().json().path("total").asLong()).isZero();
    }
}
