package com.ambiosys.platform.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.ambiosys.identity.PermissionCatalog;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TestTenants;

/**
 * Every guarded route, called by a user who holds every permission but the one it requires: 403 and
 * nothing changed. Routes that any signed-in user or anyone may call are listed here with their reasons,
 * so that a new unguarded route fails until someone decides it should be.
 */
class PermissionSweepTest extends SweepTest {

    /** Routes any signed-in user may call. */
    static final Map<String, String> SIGNED_IN_ONLY = Map.ofEntries(
            Map.entry("GET /api/v1/me", "every user reads who they are, their tenant and what they may do"),
            Map.entry("GET /api/v1/me/profile", "every user reads their own profile"),
            Map.entry("PUT /api/v1/me/profile", "every user sets their own name, phone and language"),
            Map.entry("PUT /api/v1/me/password", "every user changes their own password, proving the current one"),
            Map.entry("GET /api/v1/me/sessions", "every user lists their own sign-ins"),
            Map.entry("DELETE /api/v1/me/sessions/{id}", "every user ends their own sign-ins (another user's answer as unknown)"),
            Map.entry("GET /api/v1/geo/countries", "geography is reference data shared by every tenant (address forms of every module)"),
            Map.entry("GET /api/v1/geo/countries/{code}/departments", "geography: reference data"),
            Map.entry("GET /api/v1/geo/departments/{id}/municipalities", "geography: reference data"),
            Map.entry("GET /api/v1/geo/municipalities/{id}/districts", "geography: reference data"),
            Map.entry("GET /api/v1/geo/municipalities/{id}/zones", "geography: reference data"));

    /** Routes anyone may call: each proves who is calling in its own way, or serves what a signed-in user was given. */
    static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("POST /api/v1/auth/login", "signing in"),
            Map.entry("POST /api/v1/auth/refresh", "the refresh token is the credential"),
            Map.entry("POST /api/v1/auth/logout", "the refresh token is the credential"),
            Map.entry("POST /api/v1/auth/password-reset", "a user who cannot sign in asks for a reset by email"),
            Map.entry("POST /api/v1/auth/password-reset/confirm", "the emailed token is the credential"),
            Map.entry("GET /api/v1/files/download/{token}", "a short-lived signed link, made by a user who may read the file"),
            Map.entry("GET /webhooks/whatsapp", "Meta's verification handshake: the verify token is the credential"),
            Map.entry("POST /webhooks/whatsapp", "Meta's deliveries: the X-Hub-Signature-256 of the app secret is the credential"),
            Map.entry("POST /simulator/graph/{version:v[0-9]+\\.[0-9]+}/{phoneNumberId}/messages",
                    "the simulated Graph API: the channel's access token is the credential"),
            Map.entry("POST /simulator/graph/{version:v[0-9]+\\.[0-9]+}/{phoneNumberId}/media", "the simulated Graph API"),
            Map.entry("GET /simulator/graph/{version:v[0-9]+\\.[0-9]+}/{mediaId}", "the simulated Graph API"),
            Map.entry("GET /simulator/graph/{version:v[0-9]+\\.[0-9]+}/{wabaId}/message_templates", "the simulated Graph API"),
            Map.entry("GET /simulator/media/{mediaId}", "the simulated Graph API's media download"));

    @Test
    void everyRouteRequiresAPermissionUnlessListedWithItsReason() {
        Map<String, String> undeclared = new TreeMap<>();
        Set<String> signedIn = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (Route route : routes) {
            if (route.isPublic()) {
                open.add(route.name());
            }
            else if (route.permission() == null) {
                undeclared.put(route.name(), route.handler().toString());
            }
            else if (RequiresPermission.AUTHENTICATED.equals(route.permission())) {
                signedIn.add(route.name());
            }
            else {
                assertThat(PermissionCatalog.exists(route.permission())).as("%s requires %s", route, route.permission()).isTrue();
            }
        }
        assertThat(undeclared).as("routes that declare neither @RequiresPermission nor @PublicEndpoint").isEmpty();
        assertThat(signedIn).as("routes any signed-in user may call").isEqualTo(new TreeSet<>(SIGNED_IN_ONLY.keySet()));
        assertThat(open).as("routes anyone may call").isEqualTo(new TreeSet<>(PUBLIC.keySet()));
    }

    @TestFactory
    List<DynamicTest> everyGuardedRouteRefusesAUserWithoutItsPermission() {
        Fixture fixture = Fixture.build(api, tenant, admin);
        snapshot.settle();
        Map<String, String> tokens = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            String permission = route.permission();
            if (route.isPublic() || permission == null || RequiresPermission.AUTHENTICATED.equals(permission)) {
                continue;
            }
            tests.add(named(route.name() + " without " + permission, () -> {
                String token = tokens.computeIfAbsent(permission, p -> userWithAllBut(p));
                Map<String, String> ids = pathIds(route, fixture);
                Response r = unchanged(Set.of(tenant.id()), () -> call(route, ids, body(route, fixture.ids, false), Map.of(), token));
                assertThat(r.status()).as("answered %s", r.text()).isEqualTo(403);
                assertProblem(r);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyRouteButThePublicOnesRefusesACallerWhoIsNotSignedIn() {
        Fixture fixture = Fixture.build(api, tenant, admin);
        snapshot.settle();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            if (!route.isPublic()) {
                tests.add(named(route.name() + " without signing in", () -> {
                    Map<String, String> ids = pathIds(route, fixture);
                    Response r = unchanged(Set.of(tenant.id()), () -> call(route, ids, body(route, fixture.ids, false), Map.of(), null));
                    assertThat(r.status()).as("answered %s", r.text()).isEqualTo(401);
                    assertProblem(r);
                }));
            }
        }
        return tests;
    }

    /** Signs in a new user of the tenant whose role holds every permission except {@code missing}. */
    private String userWithAllBut(String missing) {
        String code = "SIN_" + missing.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        Set<String> permissions = new TreeSet<>(PermissionCatalog.all());
        permissions.remove(missing);
        Response role = api.post("/api/v1/roles", Map.of("code", code, "name", "Sin " + missing, "permissions", permissions))
            .token(admin).send();
        assertThat(role.status()).as(role.text()).isEqualTo(201);
        String local = code.toLowerCase().replace('_', '-');
        Response user = api.post("/api/v1/users", Map.of("email", tenant.email(local), "fullName", "Sin " + missing,
                "language", "es", "timeZone", "America/Guatemala", "password", TestTenants.PASSWORD,
                "roleIds", List.of(role.json().path("id").asString()))).token(admin).send();
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        return api.login(tenant.email(local), TestTenants.PASSWORD);
    }

    static Map<String, String> pathIds(Route route, Fixture fixture) {
        Map<String, String> ids = new HashMap<>();
        for (String v : route.pathVariables()) {
            String kind = Kinds.ofPathVariable(route.pattern(), v);
            ids.put(v, kind == null || fixture.id(kind) == null ? UUID.randomUUID().toString() : fixture.id(kind));
        }
        return ids;
    }
}
