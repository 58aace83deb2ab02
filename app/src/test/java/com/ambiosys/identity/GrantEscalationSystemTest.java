package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * No one grants what they do not hold: a user administrator (users and roles, nothing of finance) tries
 * every endpoint that changes grants, for others and for themself; each gives 403
 * {@code permission-not-held} and nothing changes.
 */
class GrantEscalationSystemTest extends TenantApiTest {

    private static final List<String> USER_ADMIN = List.of("users:view", "users:create", "users:edit", "roles:view",
            "roles:create", "roles:edit", "customers:view");

    UUID userAdminRole;
    UUID userAdminId;
    String userAdmin;
    UUID target;

    @BeforeEach
    void userAdministratorWithoutFinance() {
        userAdminRole = UUID.fromString(api.post("/api/v1/roles", Map.of("code", "USER_ADMIN", "name", "Usuarios",
                "permissions", USER_ADMIN)).token(admin).send().json().path("id").asString());
        userAdminId = tenants.addUser(tenant, "usuarios", SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/users/" + userAdminId + "/roles", Map.of("roleIds", List.of(userAdminRole)))
            .token(admin).send().status()).isEqualTo(200);
        userAdmin = api.login(tenant.email("usuarios"), TestTenants.PASSWORD);
        target = tenants.addUser(tenant, "objetivo", SystemRole.TECHNICIAN);
    }

    @Test
    void perUserGrantOfAPermissionNotHeldIsRefusedAndNothingChanges() {
        JsonNode before = user(target);
        Response refused = api.put("/api/v1/users/" + target + "/permissions", Map.of("grants", List.of("finance:view")))
            .token(userAdmin).send();
        assertRefused(refused, "finance:view");
        assertThat(user(target)).isEqualTo(before);

        Response held = api.put("/api/v1/users/" + target + "/permissions", Map.of("grants", List.of("customers:view")))
            .token(userAdmin).send();
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().path("effectivePermissions").toString()).contains("customers:view");
    }

    @Test
    void liftingARevocationOfAPermissionNotHeldIsRefused() {
        UUID financeUser = tenants.addUser(tenant, "finanzas", SystemRole.FINANCE);
        assertThat(api.put("/api/v1/users/" + financeUser + "/permissions",
                Map.of("revocations", List.of("finance:approve"))).token(admin).send().status()).isEqualTo(200);
        JsonNode before = user(financeUser);

        assertRefused(api.put("/api/v1/users/" + financeUser + "/permissions", Map.of("revocations", List.of()))
            .token(userAdmin).send(), "finance:approve");
        assertThat(user(financeUser)).isEqualTo(before);
    }

    @Test
    void assigningARoleWithPermissionsNotHeldIsRefusedAndNothingChanges() {
        JsonNode before = user(target);
        assertRefused(api.put("/api/v1/users/" + target + "/roles", Map.of("roleIds", List.of(roleId("FINANCE"))))
            .token(userAdmin).send(), "finance:view");
        assertThat(user(target)).isEqualTo(before);

        assertThat(api.put("/api/v1/users/" + target + "/roles", Map.of("roleIds", List.of(userAdminRole)))
            .token(userAdmin).send().status()).isEqualTo(200);
    }

    @Test
    void creatingOrInvitingAUserWithARoleNotHeldIsRefusedAndNoUserIsStored() {
        long users = count("users");
        for (Object password : new Object[] { "Una-Clave-Segura-1", null }) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("email", tenant.email("nuevo"), "fullName",
                    "Nuevo", "language", "es", "timeZone", "America/Guatemala", "roleIds", List.of(roleId("FINANCE"))));
            body.put("password", password);
            assertRefused(api.post("/api/v1/users", body).token(userAdmin).send(), "finance:view");
        }
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void creatingARoleWithPermissionsNotHeldIsRefusedAndNoRoleIsStored() {
        long roles = count("roles");
        assertRefused(api.post("/api/v1/roles", Map.of("code", "CAJA", "name", "Caja",
                "permissions", List.of("users:view", "finance:approve"))).token(userAdmin).send(), "finance:approve");
        assertThat(count("roles")).isEqualTo(roles);

        assertThat(api.post("/api/v1/roles", Map.of("code", "LECTOR", "name", "Lector",
                "permissions", List.of("users:view"))).token(userAdmin).send().status()).isEqualTo(201);
    }

    @Test
    void addingPermissionsNotHeldToARoleIsRefusedButEditingTheRestIsNot() {
        UUID finance = roleId("FINANCE");
        JsonNode before = role(finance);
        List<String> withMore = new java.util.ArrayList<>(permissions(before));
        withMore.add("tenants:edit");
        assertRefused(api.put("/api/v1/roles/" + finance, Map.of("name", "Finanzas", "permissions", withMore))
            .token(userAdmin).send(), "tenants:edit");
        assertThat(role(finance)).isEqualTo(before);

        // renaming a role, or removing from it, gives nothing
        List<String> fewer = permissions(before).stream().filter(p -> !p.equals("finance:approve")).toList();
        Response renamed = api.put("/api/v1/roles/" + finance, Map.of("name", "Tesorería", "permissions", fewer))
            .token(userAdmin).send();
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("permissions").toString()).doesNotContain("finance:approve");
    }

    @Test
    void noOneRaisesTheirOwnRightsThroughAnyEndpoint() {
        JsonNode before = user(userAdminId);
        JsonNode roleBefore = role(userAdminRole);
        assertRefused(api.put("/api/v1/users/" + userAdminId + "/permissions", Map.of("grants", List.of("audit:view")))
            .token(userAdmin).send(), "audit:view");
        assertRefused(api.put("/api/v1/users/" + userAdminId + "/roles",
                Map.of("roleIds", List.of(userAdminRole, roleId("ADMIN")))).token(userAdmin).send(), "audit:view");
        List<String> more = new java.util.ArrayList<>(USER_ADMIN);
        more.add("users:delete");
        Response ownRole = api.put("/api/v1/roles/" + userAdminRole, Map.of("name", "Usuarios", "permissions", more))
            .token(userAdmin).send();
        assertRefused(ownRole, "users:delete");
        assertThat(ownRole.json().path("title").asString()).isEqualTo("Permiso que usted no tiene");
        assertThat(user(userAdminId)).isEqualTo(before);
        assertThat(role(userAdminRole)).isEqualTo(roleBefore);
        assertThat(api.get("/api/v1/audit-log").token(userAdmin).send().status()).isEqualTo(403);

        Response english = api.put("/api/v1/users/" + userAdminId + "/permissions",
                Map.of("grants", List.of("audit:view"))).token(userAdmin).language("en").send();
        assertThat(english.json().path("title").asString()).isEqualTo("Permission you do not hold");
    }

    private static void assertRefused(Response response, String permission) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("permission-not-held");
        assertThat(response.json().path("detail").asString()).contains(permission);
    }

    private JsonNode user(UUID id) {
        return api.get("/api/v1/users/" + id).token(admin).send().json();
    }

    private JsonNode role(UUID id) {
        return api.get("/api/v1/roles/" + id).token(admin).send().json();
    }

    private static List<String> permissions(JsonNode role) {
        return role.path("permissions").valueStream().map(JsonNode::asString).toList();
    }

    private UUID roleId(String code) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select id from roles where code = :c").param("c", code)
            .query(UUID.class).single());
    }

    private long count(String table) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
}
