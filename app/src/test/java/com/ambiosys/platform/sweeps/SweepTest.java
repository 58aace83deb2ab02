package com.ambiosys.platform.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

/** What the generated sweeps share: the route table, snapshots of stored data, and calling a route. */
abstract class SweepTest extends TenantApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    Environment environment;

    List<Route> routes;
    TenantSnapshot snapshot;

    @BeforeEach
    void readRoutesAndOpenSnapshots() {
        routes = RouteTable.of(mapping);
        snapshot = new TenantSnapshot(environment);
    }

    @AfterEach
    void closeSnapshots() {
        snapshot.close();
    }

    /** Calls a route: path variables from {@code pathIds} (by name), a JSON body (or a small file for multipart routes). */
    Response call(Route route, Map<String, String> pathIds, Object body, Map<String, String> query, String token) {
        Map<String, String> params = new LinkedHashMap<>(requiredQuery(route));
        params.putAll(query);
        StringBuilder path = new StringBuilder(route.path(pathIds));
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            path.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        if (route.multipart()) {
            return api.upload(path.toString(), token, "barrido.csv", "text/csv",
                    "tipo,nombre_comercial,pais\nEMPRESA,Barrido,GT\n".getBytes(StandardCharsets.UTF_8));
        }
        var request = switch (route.method()) {
            case "GET" -> api.get(path.toString());
            case "POST" -> api.post(path.toString(), body);
            case "PUT" -> api.put(path.toString(), body);
            case "DELETE" -> body == null ? api.delete(path.toString()) : api.delete(path.toString(), body);
            default -> throw new AssertionError("No sweep call for " + route.method());
        };
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        if (route.streams()) {
            request.header("Accept", "text/event-stream");
        }
        return token == null ? request.send() : request.token(token).send();
    }

    /** Values for the route's required query parameters (the ones with no default). */
    static Map<String, String> requiredQuery(Route route) {
        Map<String, String> query = new LinkedHashMap<>();
        for (MethodParameter p : route.handler().getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                String name = param.name().isEmpty() ? param.value() : param.name();
                name = name.isEmpty() ? p.getMethod().getParameters()[p.getParameterIndex()].getName() : name;
                query.put(name, "ownerType".equals(name) ? "customer" : "barrido");
            }
        }
        return query;
    }

    /** A JSON body that would be valid for the route, pointing at the records of {@code ids}; null when it takes none. */
    static Map<String, Object> body(Route route, Map<String, String> ids, boolean allIds) {
        Class<?> type = route.bodyType();
        return type == null ? null : SampleBodies.of(route.pattern(), type, ids, allIds);
    }

    /** Runs {@code request} and answers its response, failing if it changed what either tenant has stored. */
    Response unchanged(Set<UUID> tenants, Supplier<Response> request) {
        Map<UUID, Map<String, String>> before = snapshot.of(tenants);
        Response response = request.get();
        Map<UUID, Map<String, String>> after = snapshot.of(tenants);
        for (UUID t : tenants) {
            assertThat(TenantSnapshot.changed(before.get(t), after.get(t)))
                .as("tables changed in tenant %s by a refused request (answered %s %s)", t, response.status(), response.text())
                .isEmpty();
        }
        return response;
    }

    /** A dynamic test whose failure message starts with its name (build reports show only an index). */
    static DynamicTest named(String name, Executable check) {
        return DynamicTest.dynamicTest(name, () -> {
            try {
                check.execute();
            }
            catch (AssertionError ex) {
                throw new AssertionError(name + ": " + ex.getMessage(), ex);
            }
        });
    }

    /** Fails unless the response is an RFC 9457 problem document with type, title and status. */
    static void assertProblem(Response r) {
        assertThat(r.header("content-type")).as("content type of a %s: %s", r.status(), r.text())
            .startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).as("problem type").isNotBlank();
        assertThat(r.json().path("title").asString()).as("problem title").isNotBlank();
        assertThat(r.json().path("status").asInt()).as("problem status").isEqualTo(r.status());
    }
}
