package com.ambiosys.platform.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

/**
 * Every route that takes an id, called by tenant A's administrator with tenant B's ids (in the path,
 * the query or the body): nobody learns that B's record exists, and nothing changes in either tenant.
 * Routes come from the application's route table, so a new endpoint is swept without being listed here.
 */
class CrossTenantSweepTest extends SweepTest {

    /**
     * Cases where tenant A stores something that names an id it cannot see, with the reason it is allowed
     * for now. Another tenant's data is never touched and the answer is the same as for an unknown id.
     */
    static final Map<String, String> STORES_UNKNOWN_IDS = Map.of();

    /** Body components that make a route read an id component it would otherwise ignore (a text message has no reply-to). */
    static final Map<String, Map<String, Object>> READS_IDS_WHEN = Map.of(
            "POST /api/v1/simulator/phones/{phoneId}/messages", Map.of("type", "BUTTON_REPLY", "optionId", "si"));

    Fixture mine;
    Fixture theirs;

    @TestFactory
    List<DynamicTest> anotherTenantsIdsAnswerAsIfTheyDidNotExist() {
        TestTenant other = tenants.create();
        mine = Fixture.build(api, tenant, admin);
        theirs = Fixture.build(api, other, api.login(other.adminEmail(), TestTenants.PASSWORD));
        snapshot.settle();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            if (!route.api() || route.isPublic()) {
                continue;
            }
            List<String> ids = route.idPathVariables();
            if (ids.stream().anyMatch(v -> Kinds.ofPathVariable(route.pattern(), v) == null)) {
                // a kind of record the fixture does not make yet: an id that exists nowhere must not answer with data
                tests.add(named(route.name() + " with an id of no record (no fixture of its kind)", () -> unknownIds(route)));
            }
            else if (!ids.isEmpty()) {
                tests.add(named(route.name() + " with another tenant's id", () -> pathIds(route)));
            }
            Class<?> body = route.bodyType();
            if (body != null && idComponents(route, body)) {
                tests.add(named(route.name() + " with another tenant's ids in its body", () -> bodyIds(route)));
            }
            for (Route.QueryId q : route.queryIds()) {
                if (Kinds.ofField(route.pattern(), q.name()) != null) {
                    tests.add(named(route.name() + " with another tenant's id in ?" + q.name(),
                            () -> queryId(route, q.name())));
                }
            }
        }
        return tests;
    }

    private void pathIds(Route route) {
        Map<String, String> ids = new HashMap<>();
        for (String v : route.pathVariables()) {
            String kind = Kinds.ofPathVariable(route.pattern(), v);
            ids.put(v, kind == null ? UUID.randomUUID().toString() : theirs.id(kind));
        }
        Response r = unchanged(both(), () -> call(route, ids, body(route, mine.ids, false), Map.of(), admin));
        assertThat(r.status()).as("%s answered %s", route, r.text()).isEqualTo(404);
        assertProblem(r);
    }

    private void unknownIds(Route route) {
        Map<String, String> ids = mineByPath(route);
        route.idPathVariables().stream().filter(v -> Kinds.ofPathVariable(route.pattern(), v) == null)
            .forEach(v -> ids.put(v, UUID.randomUUID().toString()));
        Response r = unchanged(both(), () -> call(route, ids, body(route, mine.ids, false), Map.of(), admin));
        assertThat(r.status()).as("%s answered %s", route, r.text()).isIn(400, 404);
        assertProblem(r);
    }

    private void bodyIds(Route route) {
        Map<String, String> path = mineByPath(route);
        Map<String, Object> variant = READS_IDS_WHEN.getOrDefault(route.name(), Map.of());
        Map<String, Object> their = new HashMap<>(body(route, theirs.ids, true));
        their.putAll(variant);
        Map<String, Object> random = new HashMap<>(body(route, randomIds(theirs.ids), true));
        random.putAll(variant);
        Response theirIds = unchanged(both(), () -> call(route, path, their, Map.of(), admin));
        Response randomIds = unchanged(both(), () -> call(route, path, random, Map.of(), admin));
        assertThat(theirIds.status()).as("%s answered %s", route, theirIds.text()).isBetween(400, 499);
        assertProblem(theirIds);
        assertThat(theirIds.status() + " " + theirIds.problemCode()).as("the same answer as for ids that exist nowhere")
            .isEqualTo(randomIds.status() + " " + randomIds.problemCode());
    }

    private void queryId(Route route, String name) {
        Map<String, String> path = mineByPath(route);
        String kind = Kinds.ofField(route.pattern(), name);
        Set<UUID> watched = STORES_UNKNOWN_IDS.containsKey(route.name() + " ?" + name) ? Set.of(theirs.tenant.id()) : both();
        Response theirId = unchanged(watched, () -> call(route, path, body(route, mine.ids, false), Map.of(name, theirs.id(kind)), admin));
        Response randomId = unchanged(watched, () -> call(route, path, body(route, mine.ids, false),
                Map.of(name, UUID.randomUUID().toString()), admin));
        assertThat(theirId.status()).as("%s answered %s", route, theirId.text()).isEqualTo(randomId.status());
        if (theirId.status() < 300 && "GET".equals(route.method())) {
            assertThat(theirId.text()).as("the same answer as for an id that exists nowhere").isEqualTo(randomId.text());
        }
        else if (theirId.status() >= 400) {
            assertProblem(theirId);
        }
    }

    private Map<String, String> mineByPath(Route route) {
        Map<String, String> ids = new HashMap<>();
        for (String v : route.pathVariables()) {
            String kind = Kinds.ofPathVariable(route.pattern(), v);
            ids.put(v, kind == null ? UUID.randomUUID().toString() : mine.id(kind));
        }
        return ids;
    }

    private static boolean idComponents(Route route, Class<?> body) {
        for (RecordComponent c : body.getRecordComponents()) {
            if (Kinds.ofField(route.pattern(), c.getName()) != null) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> randomIds(Map<String, String> ids) {
        Map<String, String> random = new HashMap<>();
        ids.keySet().forEach(k -> random.put(k, UUID.randomUUID().toString()));
        return random;
    }

    private Set<UUID> both() {
        return Set.of(mine.tenant.id(), theirs.tenant.id());
    }
}
