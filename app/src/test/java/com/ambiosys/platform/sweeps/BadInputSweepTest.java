package com.ambiosys.platform.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.ambiosys.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document (served by the application at /api/docs) gets a fixed corpus
 * of bad input in its body, query and path: no answer is a 5xx, every 4xx of the API is a problem
 * document, a field a body does not have is a 400 naming it, and a refused request stores nothing. Calls go to the tenant's own records (so that the
 * input reaches the code behind validation) as its administrator.
 */
class BadInputSweepTest extends SweepTest {

    /** What goes into every text: each may be refused or stored as typed, never crash anything. */
    static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("a NUL character", "a\u0000b");
        TEXTS.put("control characters", "a\u0001\u0008\u001b\u007fb");
        TEXTS.put("a 100 kB string", "x".repeat(100_000));
        TEXTS.put("SQL injection", "' OR '1'='1'; DROP TABLE customers; --");
        TEXTS.put("HTML injection", "<script>alert(1)</script><img src=x onerror=alert(1)>");
        TEXTS.put("path traversal", "../../../../etc/passwd");
    }

    /** Bodies that are not the object the operation expects. */
    static final Map<String, String> BODIES = Map.of("malformed JSON", "{\"a\": ", "a JSON array", "[]",
            "a JSON string", "\"texto\"", "JSON null", "null", "an empty object", "{}");

    /** Operations the corpus cannot call the usual way, with the reason. */
    static final Map<String, String> SKIPPED = Map.of(
            "GET /api/v1/inbox/stream", "a server-sent event stream stays open; its one input is the Last-Event-ID header");

    /**
     * Tables that an accepted request keeps changing after its answer, compared by row count only: a
     * message sent to the simulated WhatsApp is reported sent and delivered by the simulator's own
     * threads (statuses of simulator_messages and inbox_messages change) and each report is an inbox
     * event. The sweep accepts some sends (a valid text is valid), so the next cases may see those reports.
     */
    static final Map<String, String> CHANGED_AFTER_THE_ANSWER = Map.of(
            "simulator_messages", "statuses reported by the simulated phone after the send",
            "inbox_messages", "delivery statuses reported by WhatsApp (the simulator) after the send");

    /** Tables left out of this sweep's comparison (see {@link #CHANGED_AFTER_THE_ANSWER}). */
    static final Map<String, String> NOT_COMPARED = Map.of(
            "inbox_events", "one event per status report of an earlier accepted send; a refused request's own events"
                    + " would come with a change of inbox_messages or inbox_conversations, which are compared");

    Fixture fixture;
    Map<String, String> last;

    @TestFactory
    List<DynamicTest> badInputIsRefusedWithAProblemAndStoresNothing() {
        fixture = Fixture.build(api, tenant, admin);
        JsonNode paths = api.get("/api/docs").token(admin).send().json().path("paths");
        List<DynamicTest> tests = new ArrayList<>();
        List<Route> swept = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                Route route = route(method.toUpperCase(), path).orElseThrow(() -> new AssertionError(
                        "The OpenAPI document has " + method + " " + path + " but the application maps no such route"));
                swept.add(route);
            }
        }
        assertThat(swept).as("every route of the application is in the OpenAPI document").containsAll(routes);
        // deleting and deactivating last, so that the other operations find the records they are pointed at
        swept.sort(Comparator.comparing((Route r) -> "DELETE".equals(r.method()) || r.pattern().endsWith("/deactivate"))
            .thenComparing(Route::pattern).thenComparing(Route::method));
        for (Route route : swept) {
            if (!SKIPPED.containsKey(route.name())) {
                cases(route, tests);
            }
        }
        return tests;
    }

    private void cases(Route route, List<DynamicTest> tests) {
        Map<String, String> ids = PermissionSweepTest.pathIds(route, fixture);
        Class<?> type = route.bodyType();
        Map<String, Object> valid = body(route, fixture.ids, false);
        if (type != null) {
            BODIES.forEach((name, raw) -> tests.add(check(route, "with " + name + " for its body",
                    () -> call(route, ids, raw, Map.of(), admin))));
            for (RecordComponent c : type.getRecordComponents()) {
                bodyCases(route, ids, valid, c, tests);
            }
            tests.add(check(route, "with a field it does not know", () -> {
                Response r = call(route, ids, with(valid, "campoDesconocido", "x"), Map.of(), admin);
                assertThat(r.status()).as("answered %s", r.text()).isEqualTo(400);
                assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()))
                    .contains("campoDesconocido");
                return r;
            }));
        }
        if (route.multipart()) {
            multipartCases(route, ids, tests);
        }
        route.queryParameters().forEach((name, t) -> queryCases(route, ids, valid, name, t, tests));
        for (String variable : route.pathVariables()) {
            if (!"version".equals(variable)) {
                pathCases(route, ids, valid, variable, tests);
            }
        }
    }

    private void bodyCases(Route route, Map<String, String> ids, Map<String, Object> valid, RecordComponent c,
            List<DynamicTest> tests) {
        String field = c.getName();
        tests.add(check(route, "with " + field + " null", () -> call(route, ids, with(valid, field, null), Map.of(), admin)));
        Object wrong = c.getType() == String.class ? Map.of("a", 1) : "texto-no-valido";
        tests.add(check(route, "with " + field + " of the wrong type", () -> call(route, ids, with(valid, field, wrong), Map.of(), admin)));
        if (c.getType() == String.class) {
            TEXTS.forEach((name, text) -> tests.add(check(route, "with " + name + " in " + field,
                    () -> call(route, ids, with(valid, field, text), Map.of(), admin))));
        }
        else if (Collection.class.isAssignableFrom(c.getType()) && SampleBodies.elementType(c) == String.class) {
            TEXTS.forEach((name, text) -> tests.add(check(route, "with " + name + " in " + field + "[0]",
                    () -> call(route, ids, with(valid, field, List.of(text)), Map.of(), admin))));
        }
    }

    private void queryCases(Route route, Map<String, String> ids, Map<String, Object> valid, String name, Class<?> type,
            List<DynamicTest> tests) {
        Map<String, String> values = new LinkedHashMap<>(TEXTS);
        values.put("a 100 kB string", "x".repeat(2_000)); // a query string of 100 kB is refused by the server before the application
        if (type != String.class) {
            values.put("the wrong type", "texto-no-valido");
        }
        values.forEach((what, value) -> tests.add(check(route, "with " + what + " in ?" + name,
                () -> call(route, ids, valid, Map.of(name, value), admin))));
    }

    private void pathCases(Route route, Map<String, String> ids, Map<String, Object> valid, String variable,
            List<DynamicTest> tests) {
        Map<String, String> values = Map.of("not an id", "no-es-un-id", "an encoded path traversal", "..%2F..%2Fetc%2Fpasswd",
                "an encoded NUL", "a%00b", "SQL injection", "'%20OR%201%3D1--");
        values.forEach((what, value) -> {
            Map<String, String> bad = new HashMap<>(ids);
            bad.put(variable, value);
            tests.add(check(route, "with " + what + " for {" + variable + "}", () -> call(route, bad, valid, Map.of(), admin)));
        });
    }

    private void multipartCases(Route route, Map<String, String> ids, List<DynamicTest> tests) {
        String path = route.path(ids) + query(SweepTest.requiredQuery(route));
        Map<String, String> names = Map.of("path traversal", "../../../../etc/passwd", "a NUL character", "a\u0000b.csv",
                "control characters", "a\u0001\u001bb.csv", "HTML injection", "<img src=x onerror=alert(1)>.csv",
                "a 10 kB name", "x".repeat(10_000) + ".csv");
        byte[] csv = "tipo,nombre_comercial,pais\nEMPRESA,Barrido,GT\n".getBytes(StandardCharsets.UTF_8);
        names.forEach((what, name) -> tests.add(check(route, "with " + what + " in the file name",
                () -> api.upload(path, admin, name, "text/csv", csv))));
        tests.add(check(route, "with an empty file", () -> api.upload(path, admin, "vacio.csv", "text/csv", new byte[0])));
        tests.add(check(route, "with JSON instead of a multipart form",
                () -> api.post(path, "{\"file\": \"x\"}").token(admin).send()));
    }

    /** One case: the call answers no 5xx; a 4xx of the API is a problem and left the tenant's data as it was. */
    private DynamicTest check(Route route, String what, Supplier<Response> request) {
        return named(route.name() + " " + what, () -> {
            Map<String, String> before = last == null ? snapshot.of(tenant.id()) : last;
            Response r = request.get();
            Map<String, String> after = snapshot.of(tenant.id());
            last = after;
            assertThat(r.status()).as("answered %s", r.text().length() > 500 ? r.text().substring(0, 500) : r.text())
                .isLessThan(500);
            if (r.status() >= 400) {
                if (route.api()) {
                    assertProblem(r);
                }
                Map<String, String> b = new java.util.TreeMap<>(before);
                NOT_COMPARED.keySet().forEach(b::remove);
                assertThat(TenantSnapshot.changed(b, after, CHANGED_AFTER_THE_ANSWER.keySet()))
                    .as("tables changed by a refused request").isEmpty();
            }
            else {
                snapshot.settle();
                last = null;
            }
        });
    }

    private Optional<Route> route(String method, String openApiPath) {
        return routes.stream().filter(r -> r.method().equals(method)
                && r.pattern().replaceAll("\\{([^}:]+):[^}]*}", "{$1}").equals(openApiPath)).findFirst();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        return q.toString();
    }
}
