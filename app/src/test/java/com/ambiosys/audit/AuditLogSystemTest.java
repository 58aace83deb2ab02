package com.ambiosys.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

import tools.jackson.databind.JsonNode;

/** The audit log over HTTP says who made each change, by name, and what changed. */
class AuditLogSystemTest extends TenantApiTest {

    @Test
    void namesWhoMadeEachChangeAndShowsTheChangedFields() {
        String adminName = api.get("/api/v1/me").token(admin).send().json().path("user").path("fullName").asString();
        Response created = api.post("/api/v1/users", Map.of("email", tenant.email("lucia"), "fullName", "Lucía Gómez",
                "language", "es", "timeZone", "America/Guatemala", "password", "Una-Clave-Segura-1")).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.put("/api/v1/users/" + id, Map.of("fullName", "Lucía Gómez Sosa", "language", "es",
                "timeZone", "America/Guatemala")).token(admin).send().status()).isEqualTo(200);

        JsonNode items = api.get("/api/v1/audit-log?entityType=user&entityId=" + id).token(admin).send().json().path("items");
        JsonNode update = items.get(0);
        JsonNode creation = items.get(1);
        assertThat(adminName).isNotBlank();
        assertThat(creation.path("actorId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(creation.path("actorName").asString()).isEqualTo(adminName);
        assertThat(update.path("actorName").asString()).isEqualTo(adminName);
        assertThat(update.path("changes").path("fullName").path("to").asString()).isEqualTo("Lucía Gómez Sosa");
    }
}
