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

/**
 * Production's defaults: with {@code ambiosys.simulator.enabled=false} no simulator endpoint or page answers,
 * and no channel can be simulated; with {@code ambiosys.ops.public=false} the operations endpoints want a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "ambiosys.simulator.enabled=false",
        // production's defaults for the operations endpoints: closed, with a token for the metrics scraper
        "ambiosys.ops.public=false", "ambiosys.ops.token=token-de-prometheus-2026",
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

    @Test
    void metricsAndTheApiDescriptionAnswerOnlyToTheOperationsToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] { "/actuator/prometheus", "/api/docs", "/api/docs/ui" }) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer otro-token").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/prometheus")).header("Authorization", "Bearer token-de-prometheus-2026").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
            .header("Authorization", "Bearer token-de-prometheus-2026").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
        // the probes stay open: the orchestrator has no token
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness"))
            .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }
}
