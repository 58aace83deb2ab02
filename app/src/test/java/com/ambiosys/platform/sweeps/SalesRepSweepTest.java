package com.ambiosys.platform.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TestTenants;

/**
 * Where a module limits what a user sees to their own records (customers and service requests without
 * {@code *:view_all}), a sales rep reaches none of another rep's records through any route the rep may
 * call: by path, by an id in the body, or by an id in the query. Answers are those for a record that does
 * not exist. Routes the role lacks are left out: their 403 would prove nothing here (PermissionSweepTest
 * covers them).
 */
class SalesRepSweepTest extends SweepTest {

    /** The route prefixes whose {@code {id}} is a record seen only by its owner (or with view_all). */
    static final List<String> OWNED = List.of("/api/v1/customers/{id}", "/api/v1/service-requests/{id}");

    /** The kinds of record that belong to the other rep (a customer and what hangs from it, their request). */
    static final Set<String> THEIRS = Set.of("customer", "contact", "address", "entity", "document", "serviceRequest");

    Map<String, String> theirs;
    Fixture fixture;
    String rep;

    @TestFactory
    List<DynamicTest> aSalesRepReachesNoneOfAnotherRepsRecords() {
        fixture = Fixture.build(api, tenant, admin);
        tenants.addUser(tenant, "vendedor-1", SystemRole.SALES);
        tenants.addUser(tenant, "vendedor-2", SystemRole.SALES);
        rep = api.login(tenant.email("vendedor-1"), TestTenants.PASSWORD);
        theirs = othersRecords(api.login(tenant.email("vendedor-2"), TestTenants.PASSWORD));
        snapshot.settle();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            if (!route.api() || route.isPublic() || !permitted(route)) {
                continue;
            }
            if (OWNED.stream().anyMatch(route.pattern()::startsWith)) {
                tests.add(named(route.name() + " on another rep's record", () -> byPath(route)));
            }
            Class<?> body = route.bodyType();
            if (body != null && names(route, body)) {
                tests.add(named(route.name() + " with another rep's record in its body", () -> inBody(route)));
            }
            for (Route.QueryId q : route.queryIds()) {
                if (THEIRS.contains(String.valueOf(Kinds.ofField(route.pattern(), q.name())))) {
                    tests.add(named(route.name() + " with another rep's record in ?" + q.name(), () -> inQuery(route, q.name())));
                }
            }
        }
        assertThat(tests).as("routes a sales rep may call with another rep's records").isNotEmpty();
        return tests;
    }

    /** Whether a sales rep may call the route at all (any signed-in user, or a permission the role holds). */
    private static boolean permitted(Route route) {
        return RequiresPermission.AUTHENTICATED.equals(route.permission())
                || SystemRole.SALES.defaults().contains(route.permission());
    }

    private void byPath(Route route) {
        Response r = unchanged(Set.of(tenant.id()), () -> call(route, ids(route, theirs), body(route, fixture.ids, false), Map.of(), rep));
        assertThat(r.status()).as("answered %s", r.text()).isEqualTo(404);
        assertProblem(r);
    }

    private void inBody(Route route) {
        Map<String, String> mine = new HashMap<>(fixture.ids);
        Map<String, String> random = new HashMap<>(fixture.ids);
        theirs.forEach((kind, id) -> {
            mine.put(kind, id);
            random.put(kind, UUID.randomUUID().toString());
        });
        Map<String, String> path = ids(route, fixture.ids);
        Response their = unchanged(Set.of(tenant.id()), () -> call(route, path, body(route, mine, true), Map.of(), rep));
        Response none = unchanged(Set.of(tenant.id()), () -> call(route, path, body(route, random, true), Map.of(), rep));
        assertThat(their.status()).as("answered %s", their.text()).isBetween(400, 499);
        assertProblem(their);
        assertThat(their.status() + " " + their.problemCode()).as("the same answer as for records that exist nowhere")
            .isEqualTo(none.status() + " " + none.problemCode());
    }

    private void inQuery(Route route, String name) {
        String kind = Kinds.ofField(route.pattern(), name);
        Map<String, String> path = ids(route, fixture.ids);
        Response their = call(route, path, body(route, fixture.ids, false), Map.of(name, theirs.get(kind)), rep);
        Response none = call(route, path, body(route, fixture.ids, false), Map.of(name, UUID.randomUUID().toString()), rep);
        assertThat(their.status()).as("answered %s", their.text()).isEqualTo(none.status());
        if (their.status() < 300) {
            assertThat(their.text()).as("the same answer as for a record that exists nowhere").isEqualTo(none.text());
        }
    }

    /** A customer (with a contact, an address, a legal entity and a document) and a service request of the other rep. */
    private Map<String, String> othersRecords(String other) {
        Map<String, String> ids = new HashMap<>();
        ids.put("customer", created(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Cliente Ajeno",
                "country", "GT", "contact", Map.of("fullName", "Contacto Ajeno"))).token(other).send()));
        String base = "/api/v1/customers/" + ids.get("customer");
        ids.put("contact", api.get(base).token(other).send().json().path("contacts").path(0).path("id").asString());
        ids.put("address", created(api.post(base + "/addresses", Map.of("kind", "SERVICE_SITE", "departmentId", "GT-01",
                "municipalityId", "GT-0101", "street", "Calle Ajena")).token(other).send()));
        ids.put("entity", created(api.post(base + "/legal-entities", Map.of("legalName", "Ajena, S.A.")).token(other).send()));
        ids.put("file", created(api.upload("/api/v1/files?ownerType=customer&ownerId=" + ids.get("customer"), other, "dpi.pdf",
                "application/pdf", "%PDF-1.4\n%ajeno\n".getBytes(StandardCharsets.US_ASCII))));
        ids.put("document", created(api.post(base + "/documents", Map.of("type", "DPI", "fileId", ids.get("file"))).token(other).send()));
        ids.put("serviceRequest", created(api.post("/api/v1/service-requests", Map.of("customerId", ids.get("customer"),
                "serviceTypeId", fixture.id("serviceType"), "channel", "PHONE", "description", "Solicitud ajena")).token(other).send()));
        return ids;
    }

    private static String created(Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static Map<String, String> ids(Route route, Map<String, String> byKind) {
        Map<String, String> ids = new HashMap<>();
        for (String v : route.pathVariables()) {
            String kind = Kinds.ofPathVariable(route.pattern(), v);
            ids.put(v, kind == null || !byKind.containsKey(kind) ? UUID.randomUUID().toString() : byKind.get(kind));
        }
        return ids;
    }

    private static boolean names(Route route, Class<?> body) {
        for (RecordComponent c : body.getRecordComponents()) {
            if (THEIRS.contains(String.valueOf(Kinds.ofField(route.pattern(), c.getName())))) {
                return true;
            }
        }
        return false;
    }
}
