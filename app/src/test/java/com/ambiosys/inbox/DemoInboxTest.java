package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;

import tools.jackson.databind.JsonNode;

/** The demo tenant's inbox: Spanish canned responses and the two sales teams of demo agents. */
@SystemTest
class DemoInboxTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoTenantHasCannedResponsesAndSalesTeams() {
        ApiClient api = new ApiClient(port);
        String agent = api.login("atencion@ambiotec.example", "Demo-Admin-2026!");
        JsonNode canned = api.get("/api/v1/inbox/canned-responses?size=50").token(agent).send().json();
        assertThat(canned.path("items").valueStream().map(c -> c.path("shortCode").asString()).toList())
            .contains("saludo", "horario", "precios-sanitarios", "ubicacion", "gracias");
        assertThat(api.get("/api/v1/inbox/canned-responses?q=saludo").token(agent).send().json().path("items").get(0)
            .path("body").asString()).contains("{{nombre}}");
        JsonNode teams = api.get("/api/v1/inbox/teams").token(agent).send().json();
        assertThat(teams.valueStream().map(t -> t.path("name").asString()).toList())
            .containsExactly("Ventas El Salvador", "Ventas Guatemala");
        assertThat(teams.get(0).path("members").get(0).path("name").asString()).isEqualTo("Ana Beatriz Hernández");
        assertThat(teams.get(1).path("members").valueStream().map(m -> m.path("name").asString()).toList())
            .containsExactly("Carlos Enrique Pérez", "Lucía Fernanda Morales");
    }
}
