package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Users and roles administration over HTTP: CRUD, validation, permissions (403) and tenancy (404). */
class AdministrationSystemTest extends TenantApiTest {

    private Map<String, Object> newUser(String email) {
        return Map.of("email", email, "fullName", "José Pérez", "phone", "+50255551234", "language", "es",
                "timeZone", "America/Guatemala", "password", "Una-Clave-Segura-1");
    }

    @Test
    void createdUserCanLogInAndTheCreationIsAudited() {
        UUID salesRole = roleId("SALES");
        Map<String, Object> body = new java.util.HashMap<>(newUser(tenant.email("jose")));
        body.put("roleIds", List.of(salesRole));
        Response created = api.post("/api/v1/users", body).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("location")).endsWith("/api/v1/users/" + id);
        assertThat(created.json().path("roles").get(0).path("code").asString()).isEqualTo("SALES");
        assertThat(created.json().path("effectivePermissions").toString()).contains("customers:create")
            .doesNotContain("users:view");

        assertThat(api.login(tenant.email("jose"), "Una-Clave-Segura-1")).isNotBlank();

        JsonNode audit = api.get("/api/v1/audit-log?entityType=user&entityId=" + id).token(admin).send().json();
        assertThat(audit.path("items").get(0).path("action").asString()).isEqualTo("CREATE");
        assertThat(audit.path("items").get(0).path("actorId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(audit.path("items").get(0).path("after").path("email").asString()).isEqualTo(tenant.email("jose"));
        assertThat(audit.toString()).doesNotContain("Una-Clave-Segura-1").doesNotContain("$2a$");
    }

    @Test
    void invalidUserIsRefusedWithTheFieldsAndNothingIsStored() {
        long before = userCount();
        Response bad = api.post("/api/v1/users", Map.of("email", "no-es-correo", "fullName", "", "language", "fr",
                "timeZone", "Marte/Base", "password", "corta")).token(admin).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("validation");
        List<String> fields = bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).contains("email", "fullName", "language", "timeZone", "password");
        assertThat(userCount()).isEqualTo(before);

        Response english = api.post("/api/v1/users", Map.of("email", "x")).token(admin).language("en").send();
        assertThat(english.json().path("title").asString()).isEqualTo("Invalid data");
    }

    @Test
    void duplicateEmailIsAConflict() {
        assertThat(api.post("/api/v1/users", newUser(tenant.email("dup"))).token(admin).send().status()).isEqualTo(201);
        Response again = api.post("/api/v1/users", newUser(tenant.email("DUP"))).token(admin).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("email-taken");
    }

    @Test
    void listPagesSortsAndFilters() {
        for (String name : List.of("ana", "beto", "carla")) {
            tenants.addUser(tenant, name, SystemRole.SALES);
        }
        JsonNode page = api.get("/api/v1/users?size=2&page=0&sort=-fullName").token(admin).send().json();
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("fullName").asString()).isEqualTo("Usuario carla");

        JsonNode filtered = api.get("/api/v1/users?q=BETO").token(admin).send().json();
        assertThat(filtered.path("total").asLong()).isEqualTo(1);
        JsonNode byRole = api.get("/api/v1/users?roleId=" + roleId("ADMIN")).token(admin).send().json();
        assertThat(byRole.path("total").asLong()).isEqualTo(1);
        String sales = "&roleId=" + roleId("SALES");
        assertThat(api.get("/api/v1/users?size=50" + sales).token(admin).send().json().path("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/users?status=ACTIVE&q=beto" + sales).token(admin).send().json().path("total").asLong())
            .isEqualTo(1);
        assertThat(api.get("/api/v1/users?status=SUSPENDED" + sales).token(admin).send().json().path("total").asLong())
            .isZero();

        assertThat(api.get("/api/v1/users?sort=password").token(admin).send().problemCode()).isEqualTo("unknown-sort");
        assertThat(api.get("/api/v1/users?size=1000").token(admin).send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users?status=NOPE").token(admin).send().status()).isEqualTo(400);
    }

    @Test
    void updateIsAuditedWithTheFieldsThatChanged() {
        UUID id = tenants.addUser(tenant, "edita", SystemRole.AGENT);
        Response updated = api.put("/api/v1/users/" + id, Map.of("fullName", "Edita Cambiada", "language", "en",
                "timeZone", "America/El_Salvador")).token(admin).send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("language").asString()).isEqualTo("en");
        JsonNode entry = api.get("/api/v1/audit-log?entityType=user&action=UPDATE&entityId=" + id).token(admin).send()
            .json().path("items").get(0);
        assertThat(entry.path("changes").path("fullName").path("from").asString()).isEqualTo("Usuario edita");
        assertThat(entry.path("changes").path("fullName").path("to").asString()).isEqualTo("Edita Cambiada");
        assertThat(entry.path("changes").has("email")).isFalse();
    }

    @Test
    void salesRepIsForbiddenFromAdministration() {
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        Response denied = api.get("/api/v1/users").token(sales).send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.problemCode()).isEqualTo("forbidden");
        assertThat(denied.json().path("title").asString()).isEqualTo("Acceso denegado");
        assertThat(api.post("/api/v1/roles", Map.of("code", "X", "name", "x", "permissions", List.of()))
            .token(sales).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit-log").token(sales).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me").token(sales).send().status()).isEqualTo(200);
    }

    @Test
    void perUserGrantAndRevocationTakeEffectOnTheSameToken() {
        UUID salesId = tenants.addUser(tenant, "crece", SystemRole.SALES);
        String sales = api.login(tenant.email("crece"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/users").token(sales).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/customers/export").token(sales).send().status()).isEqualTo(200);

        Response granted = api.put("/api/v1/users/" + salesId + "/permissions",
                Map.of("grants", List.of("users:view"), "revocations", List.of("customers:export"))).token(admin).send();
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().path("effectivePermissions").toString()).contains("users:view")
            .doesNotContain("customers:export");
        assertThat(granted.json().path("permissionVersion").asLong()).isEqualTo(2);

        assertThat(api.get("/api/v1/users").token(sales).send().status()).as("the grant, same token").isEqualTo(200);
        assertThat(api.get("/api/v1/customers/export").token(sales).send().status()).as("the revocation, same token")
            .isEqualTo(403);
        assertThat(api.get("/api/v1/me").token(sales).send().json().path("permissionVersion").asLong()).isEqualTo(2);

        Response unknown = api.put("/api/v1/users/" + salesId + "/permissions",
                Map.of("grants", List.of("rockets:launch"))).token(admin).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemCode()).isEqualTo("unknown-permission");
    }

    @Test
    void aMisspelledOverridesBodyIsRefusedNamingTheFieldAndKeepsTheOverrides() {
        UUID salesId = tenants.addUser(tenant, "tecla", SystemRole.SALES);
        assertThat(api.put("/api/v1/users/" + salesId + "/permissions", Map.of("grants", List.of("users:view")))
            .token(admin).send().status()).isEqualTo(200);

        Response misspelled = api.put("/api/v1/users/" + salesId + "/permissions",
                Map.of("grant", List.of("audit:view"))).token(admin).language("en").send();
        assertThat(misspelled.status()).isEqualTo(400);
        assertThat(misspelled.problemCode()).isEqualTo("validation");
        assertThat(misspelled.json().path("errors").get(0).path("field").asString()).isEqualTo("grant");
        assertThat(misspelled.json().path("errors").get(0).path("message").asString()).isEqualTo("unknown field");

        Response user = api.get("/api/v1/users/" + salesId).token(admin).send();
        assertThat(user.json().path("effectivePermissions").toString()).contains("users:view").doesNotContain("audit:view");
        assertThat(user.json().path("permissionVersion").asLong()).isEqualTo(2);
    }

    @Test
    void rolesAreCreatedEditedAndProtected() {
        Response created = api.post("/api/v1/roles", Map.of("code", "AUDITOR", "name", "Auditoría",
                "permissions", List.of("audit:view", "users:view"))).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        String roleId = created.json().path("id").asString();

        UUID userId = tenants.addUser(tenant, "auditora", SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/users/" + userId + "/roles", Map.of("roleIds", List.of(roleId))).token(admin).send()
            .json().path("effectivePermissions").toString()).contains("audit:view");
        String auditor = api.login(tenant.email("auditora"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/audit-log").token(auditor).send().status()).isEqualTo(200);

        Response edited = api.put("/api/v1/roles/" + roleId, Map.of("name", "Auditoría interna",
                "permissions", List.of("users:view"))).token(admin).send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("userCount").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit-log").token(auditor).send().status()).isEqualTo(403);

        assertThat(api.delete("/api/v1/roles/" + roleId).token(admin).send().problemCode()).isEqualTo("role-in-use");
        assertThat(api.delete("/api/v1/roles/" + roleId("ADMIN")).token(admin).send().problemCode()).isEqualTo("system-role");
        assertThat(api.post("/api/v1/roles", Map.of("code", "AUDITOR", "name", "Otra", "permissions", List.of()))
            .token(admin).send().status()).isEqualTo(409);
        assertThat(api.post("/api/v1/roles", Map.of("code", "bad code", "name", "", "permissions", List.of()))
            .token(admin).send().status()).isEqualTo(400);

        api.put("/api/v1/users/" + userId + "/roles", Map.of("roleIds", List.of())).token(admin).send();
        assertThat(api.delete("/api/v1/roles/" + roleId).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/roles/" + roleId).token(admin).send().status()).isEqualTo(404);

        JsonNode catalog = api.get("/api/v1/permissions").token(admin).send().json();
        assertThat(catalog.path("users").toString()).contains("view", "create", "edit", "delete");
    }

    @Test
    void anotherTenantsIdsAnswer404OnEveryEndpointThatTakesAnId() {
        TestTenant other = tenants.create();
        UUID otherUser = other.adminId();
        UUID otherRole = tenantTx.read(other.id(), s -> jdbc
            .sql("select id from roles where code = 'SALES'").query(UUID.class).single());
        UUID missing = UUID.randomUUID();
        for (UUID id : List.of(otherUser, missing)) {
            assertThat(api.get("/api/v1/users/" + id).token(admin).send().status()).isEqualTo(404);
            assertThat(api.put("/api/v1/users/" + id, Map.of("fullName", "X", "language", "es", "timeZone", "UTC"))
                .token(admin).send().status()).isEqualTo(404);
            assertThat(api.post("/api/v1/users/" + id + "/deactivate", null).token(admin).send().status()).isEqualTo(404);
            assertThat(api.put("/api/v1/users/" + id + "/roles", Map.of("roleIds", List.of())).token(admin).send()
                .status()).isEqualTo(404);
            assertThat(api.put("/api/v1/users/" + id + "/permissions", Map.of("grants", List.of())).token(admin).send()
                .status()).isEqualTo(404);
        }
        for (UUID id : List.of(otherRole, missing)) {
            assertThat(api.get("/api/v1/roles/" + id).token(admin).send().status()).isEqualTo(404);
            assertThat(api.put("/api/v1/roles/" + id, Map.of("name", "X", "permissions", List.of())).token(admin).send()
                .status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/roles/" + id).token(admin).send().status()).isEqualTo(404);
        }
        // another tenant's role cannot be assigned either
        Response foreignRole = api.put("/api/v1/users/" + tenant.adminId() + "/roles",
                Map.of("roleIds", List.of(otherRole))).token(admin).send();
        assertThat(foreignRole.problemCode()).isEqualTo("unknown-role");
        // and the other tenant's data is untouched
        assertThat(api.login(other.adminEmail(), TestTenants.PASSWORD)).isNotBlank();
    }

    @Test
    void adminCannotDeactivateThemself() {
        Response self = api.post("/api/v1/users/" + tenant.adminId() + "/deactivate", null).token(admin).send();
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.problemCode()).isEqualTo("cannot-deactivate-self");
    }

    private UUID roleId(String code) {
        JsonNode roles = api.get("/api/v1/roles").token(admin).send().json();
        return roles.valueStream().filter(r -> r.path("code").asString().equals(code))
            .map(r -> UUID.fromString(r.path("id").asString())).findFirst().orElseThrow();
    }

    private long userCount() {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from users").query(Long.class).single());
    }
}
