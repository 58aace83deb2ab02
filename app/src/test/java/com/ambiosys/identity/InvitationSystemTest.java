package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * An invitation that could not be mailed (here no SMTP server listens) is said to be so, with the set-password
 * link for the administrator to hand over, and can be sent again; the list shows who has not chosen a password.
 */
class InvitationSystemTest extends TenantApiTest {

    @Test
    void anInvitationThatCouldNotBeMailedSaysSoAndHandsTheLinkToTheAdministrator() {
        Response created = api.post("/api/v1/users", Map.of("email", tenant.email("invitada"), "fullName", "Invitada",
                "language", "es", "timeZone", "America/Guatemala")).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("invitationSent").asBoolean()).isFalse();
        assertThat(created.json().path("invitation").asString()).isEqualTo("NOT_SENT");
        String link = created.json().path("invitationLink").asString();
        assertThat(link).contains("/reset-password?token=");
        String id = created.json().path("id").asString();

        JsonNode list = api.get("/api/v1/users?q=invitada").token(admin).send().json();
        assertThat(list.path("items").get(0).path("invitation").isNull()).as("pending: " + list).isFalse();
        assertThat(list.path("items").get(0).has("invitationLink")).as("no link in lists").isFalse();
        JsonNode adminRow = api.get("/api/v1/users?q=" + tenant.adminEmail()).token(admin).send().json();
        assertThat(adminRow.path("items").get(0).path("invitation").isNull()).isTrue();

        Response again = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("invitationSent").asBoolean()).isFalse();
        String newLink = again.json().path("invitationLink").asString();
        assertThat(newLink).contains("/reset-password?token=").isNotEqualTo(link);

        String token = newLink.substring(newLink.indexOf("token=") + 6);
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "Elegida-Por-Mi-1"))
            .send().status()).isEqualTo(204);
        assertThat(api.login(tenant.email("invitada"), "Elegida-Por-Mi-1")).isNotBlank();
        Response accepted = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).language("en").send();
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.problemCode()).isEqualTo("invitation-accepted");
        assertThat(accepted.json().path("title").asString()).isEqualTo("Invitation already accepted");
        assertThat(api.get("/api/v1/users/" + id).token(admin).send().json().path("invitation").isNull()).isTrue();
    }

    @Test
    void onlyWhoMayCreateUsersSendsInvitations() {
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        String id = api.post("/api/v1/users", Map.of("email", tenant.email("otra"), "fullName", "Otra", "language", "es",
                "timeZone", "America/Guatemala")).token(admin).send().json().path("id").asString();
        assertThat(api.post("/api/v1/users/" + id + "/invitation", null).token(sales).send().status()).isEqualTo(403);
    }

    @Test
    void whoLacksThePendingUsersPermissionsCannotGetTheirLinkAndANewLinkEndsTheOldOne() {
        String adminRole = roleId("ADMIN");
        Response pendingAdmin = api.post("/api/v1/users", Map.of("email", tenant.email("nueva-admin"), "fullName", "Nueva",
                "language", "es", "timeZone", "America/Guatemala", "roleIds", List.of(adminRole))).token(admin).send();
        assertThat(pendingAdmin.status()).isEqualTo(201);
        String id = pendingAdmin.json().path("id").asString();
        String firstLink = pendingAdmin.json().path("invitationLink").asString();

        String creatorRole = api.post("/api/v1/roles", Map.of("code", "ALTAS", "name", "Altas",
                "permissions", List.of("users:view", "users:create"))).token(admin).send().json().path("id").asString();
        UUID creatorId = tenants.addUser(tenant, "altas", SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/users/" + creatorId + "/roles", Map.of("roleIds", List.of(creatorRole)))
            .token(admin).send().status()).isEqualTo(200);
        String creator = api.login(tenant.email("altas"), TestTenants.PASSWORD);

        Response refused = api.post("/api/v1/users/" + id + "/invitation", null).token(creator).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("permission-not-held");
        assertThat(refused.text()).doesNotContain("reset-password");

        Response again = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).send();
        assertThat(again.status()).isEqualTo(200);
        Response old = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token(firstLink),
                "newPassword", "Elegida-Por-Mi-1")).send();
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.problemCode()).isEqualTo("invalid-reset-token");
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token",
                token(again.json().path("invitationLink").asString()), "newPassword", "Elegida-Por-Mi-1"))
            .send().status()).isEqualTo(204);
    }

    @Test
    void resendsOfOneUserAreLimitedPerMinute() {
        String id = api.post("/api/v1/users", Map.of("email", tenant.email("muchas"), "fullName", "Muchas", "language", "es",
                "timeZone", "America/Guatemala")).token(admin).send().json().path("id").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/users/" + id + "/invitation", null).token(admin).send().status()).isEqualTo(200);
        }
        Response limited = api.post("/api/v1/users/" + id + "/invitation", null).token(admin).language("en").send();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemCode()).isEqualTo("rate-limited");
    }

    private String roleId(String code) {
        for (JsonNode role : api.get("/api/v1/roles").token(admin).send().json()) {
            if (code.equals(role.path("code").asString())) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + code);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
