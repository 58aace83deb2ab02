package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

/** Errors leave as RFC 9457 problems in the caller's language; headers and CORS are locked down. */
class ProblemResponsesSystemTest extends TenantApiTest {

    @Test
    void nulInABodyFieldIsA400NamingTheFieldAndStoresNothing() {
        Response r = api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "nulo", "title", "\u0000",
                "body", "Hola")).token(admin).language("en").send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("control characters");
        assertThat(api.get("/api/v1/inbox/canned-responses").token(admin).send().json().toString()).doesNotContain("nulo");
    }

    @Test
    void aFieldTheApiDoesNotKnowIsA400NamingItInTheCallersLanguageAndStoresNothing() {
        Response r = api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "saludo", "title", "Saludo",
                "body", "Hola", "shortcut", "s")).token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.problemCode()).isEqualTo("validation");
        assertThat(r.json().path("title").asString()).isEqualTo("Datos no válidos");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("shortcut");
        assertThat(r.json().path("errors").get(0).path("message").asString()).isEqualTo("campo no reconocido");
        assertThat(api.get("/api/v1/inbox/canned-responses").token(admin).send().json().toString()).doesNotContain("saludo");
    }

    @Test
    void unknownFieldsInsideObjectsAndListsAreNamedWithTheirPath() {
        Response customer = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Ana López",
                "country", "GT", "contact", Map.of("fullName", "Ana", "mail", "ana@example.com"), "colour", "azul"))
            .token(admin).language("en").send();
        assertThat(customer.status()).as(customer.text()).isEqualTo(400);
        assertThat(errors(customer)).containsExactlyInAnyOrder("contact.mail: unknown field", "colour: unknown field");

        Response request = api.post("/api/v1/service-requests", Map.of("items",
                java.util.List.of(Map.of("quantity", 1), Map.of("quantity", 2, "qty", 2)))).token(admin).language("en").send();
        assertThat(request.status()).as(request.text()).isEqualTo(400);
        assertThat(errors(request)).contains("items[1].qty: unknown field");
    }

    private static java.util.List<String> errors(Response r) {
        return r.json().path("errors").valueStream().map(e -> e.path("field").asString() + ": "
                + e.path("message").asString()).toList();
    }

    @Test
    void controlCharactersInNestedFieldsAndListsAreNamed() {
        Response r = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Ana López",
                "tags", java.util.List.of("ok", "mal\u001b[31m"))).token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("tags[1]");
    }

    @Test
    void nulInAQueryParameterIsA400NamingTheParameter() {
        Response r = api.get("/api/v1/customers?q=%00").token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("q");
    }

    @Test
    void tabsAndLineBreaksAreStillText() {
        Response r = api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "lineas", "title", "Dos\tpartes",
                "body", "Hola,\r\nle saluda Ambiotec")).token(admin).send();
        assertThat(r.status()).isEqualTo(201);
    }

    /** {@code <} and {@code >} unencoded in the query: Tomcat's own bare 400 page before; a problem now. */
    @Test
    void anUnknownSortWrittenRawIsAProblemDocument() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/users?sort=<unknown> HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + admin + "\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("unknown-sort");
        }
    }

    @Test
    void theContainersErrorPageIsAProblemDocument() {
        Response r = api.get("/error").send();
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).startsWith("urn:ambiosys:problem:");
    }

    @Test
    void malformedJsonIsAProblem() {
        Response r = api.post("/api/v1/auth/login", "{\"email\": ").send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("malformed-body");
        assertThat(r.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyIsA413ProblemInTheCallersLanguage() {
        String big = "{\"email\":\"a@b.co\",\"password\":\"" + "x".repeat(1_100_000) + "\"}";
        Response r = api.post("/api/v1/auth/login", big).language("en").send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.problemCode()).isEqualTo("payload-too-large");
        assertThat(r.json().path("title").asString()).isEqualTo("Request too large");
    }

    @Test
    void unknownApiRouteIsA404Problem() {
        Response r = api.get("/api/v1/no-such-thing").token(admin).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void badUuidInThePathIsAValidationProblem() {
        Response r = api.get("/api/v1/users/not-a-uuid").token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("id");
    }

    @Test
    void spanishIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        Response none = api.get("/api/v1/users/00000000-0000-7000-8000-000000000000").token(admin).send();
        assertThat(none.json().path("title").asString()).isEqualTo("No encontrado");
        assertThat(none.json().path("detail").asString()).isEqualTo("No existe usuario con ese identificador.");
        Response en = api.get("/api/v1/users/00000000-0000-7000-8000-000000000000").token(admin)
            .language("en-GB,en;q=0.9").send();
        assertThat(en.json().path("detail").asString()).isEqualTo("There is no user with that id.");
        Response other = api.get("/api/v1/users/00000000-0000-7000-8000-000000000000").token(admin)
            .language("fr").send();
        assertThat(other.json().path("title").asString()).isEqualTo("No encontrado");
    }

    @Test
    void responsesCarrySecurityHeadersAndARequestId() {
        Response r = api.get("/api/v1/me").token(admin).header("X-Request-Id", "prueba-123").send();
        assertThat(r.header("x-request-id")).isEqualTo("prueba-123");
        assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(r.header("x-frame-options")).isEqualTo("DENY");
        assertThat(r.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(r.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> allowed = http.send(preflight("http://localhost:8080"), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        HttpResponse<String> denied = http.send(preflight("https://evil.example"), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void healthMetricsAndApiDocsAnswer() {
        assertThat(api.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
        Response readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        Response metrics = api.get("/actuator/prometheus").header("Accept", "text/plain").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("hikaricp_connections");
        Response docs = api.get("/api/docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/users/{id}")).isTrue();
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build();
    }

    @Test
    void validationErrorsNameEveryBadField() {
        Response r = api.post("/api/v1/auth/login", Map.of("email", "nope")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactlyInAnyOrder("email", "password");
    }
}
