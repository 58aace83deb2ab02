package com.ambiosys.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.TestTenants;

/** With {@code ambiosys.simulator.enabled=false} (production) no simulator endpoint or page answers, and no channel can be simulated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "ambiosys.simulator.enabled=false",
        // the demo tenant is seeded by whichever context starts first on the shared database: not this one, which has no simulator
        "ambiosys.demo.enabled=false" })
@ActiveProfiles("test")
class SimulatorDisabledTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;

    @Test
    void everythingOfTheSimulatorIs404() throws Exception {
        ApiClient api = new ApiClient(port);
        TestTenants.TestTenant tenant = tenants.create();
        String admin = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/simulator/channels").token(admin).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/simulator/phones/0195a1f2-0000-7000-8000-000000000001/messages",
                Map.of("type", "TEXT", "text", "Hola")).token(admin).send().status()).isEqualTo(404);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> graph = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/simulator/graph/v23.0/123456789012/messages")).header("Authorization", "Bearer EAAG-cualquiera")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(graph.statusCode()).isEqualTo(404);
        for (String page : new String[] { "/simulator", "/simulator/media/123" }) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(page).isEqualTo(404);
        }

        ApiClient.Response simulated = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp (simulador)",
                "phoneNumberId", "123456789012345", "accessToken", "EAAG-simulado-0001", "appSecret", "secreto-simulado",
                "verifyToken", "verificar-simulado", "simulated", true)).token(admin).send();
        assertThat(simulated.status()).isEqualTo(400);
        assertThat(simulated.problemCode()).isEqualTo("simulator-disabled");
    }
}
