package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * A user's own account: the language kept with the user (not in one browser), name and phone under the one phone
 * rule, the password changed with the current one, and their sign-ins listed and ended. Nobody else's.
 */
class ProfileSystemTest extends TenantApiTest {

    private static final String COOKIE = "ambiosys_refresh";

    private Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password)).send();
    }

    @Test
    void theLanguageChosenIsKeptWithTheUserAndReadAtTheNextSignIn() {
        JsonNode profile = api.get("/api/v1/me/profile").token(admin).send().json();
        assertThat(profile.path("email").asString()).isEqualTo(tenant.adminEmail());
        assertThat(profile.path("language").asString()).isEqualTo("es");

        Response saved = api.put("/api/v1/me/profile", Map.of("fullName", "  Ana Admin ", "phone", "5012 3456",
                "language", "en")).token(admin).send();
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.json().path("fullName").asString()).isEqualTo("Ana Admin");
        assertThat(saved.json().path("phone").asString()).isEqualTo("+50250123456"); // the tenant's country: GT

        String elsewhere = api.login(tenant.adminEmail(), TestTenants.PASSWORD); // another browser
        JsonNode me = api.get("/api/v1/me").token(elsewhere).send().json();
        assertThat(me.path("user").path("language").asString()).isEqualTo("en");
        assertThat(me.path("user").path("fullName").asString()).isEqualTo("Ana Admin");

        JsonNode audit = api.get("/api/v1/audit-log?entityType=user&entityId=" + tenant.adminId()).token(admin).send().json();
        assertThat(audit.path("items").valueStream().map(i -> i.path("action").asString())).contains("UPDATE");
    }

    @Test
    void aPhoneIsTakenInTheSameFormsAsEverywhereAndABadProfileIsAProblem() {
        for (String typed : List.of("+502 5012 3456", "5012-3456", "00502 5012 3456", "502 5012 3456")) {
            Response r = api.put("/api/v1/me/profile", Map.of("fullName", "Ana", "phone", typed, "language", "es"))
                .token(admin).send();
            assertThat(r.json().path("phone").asString()).as(typed).isEqualTo("+50250123456");
        }
        Response bad = api.put("/api/v1/me/profile", Map.of("fullName", "Ana", "phone", "12", "language", "es"))
            .token(admin).language("en").send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("invalid-phone");
        assertThat(bad.json().path("title").asString()).isEqualTo("Invalid phone");
        Response invalid = api.put("/api/v1/me/profile", Map.of("fullName", "", "language", "fr")).token(admin).send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemCode()).isEqualTo("validation");
        assertThat(api.get("/api/v1/me/profile").send().status()).isEqualTo(401);

        // a user's phone set by an administrator follows the same rule (it took only +502... before)
        Response user = api.post("/api/v1/users", Map.of("email", tenant.email("tel"), "fullName", "Tel", "phone", "5012 3456",
                "language", "es", "timeZone", "America/Guatemala", "password", TestTenants.PASSWORD)).token(admin).send();
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        assertThat(user.json().path("phone").asString()).isEqualTo("+50250123456");
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOneAndEndsTheOtherSignIns() {
        Response here = login(tenant.adminEmail(), TestTenants.PASSWORD);
        Response other = login(tenant.adminEmail(), TestTenants.PASSWORD);
        String token = here.json().path("accessToken").asString();

        Response wrong = api.put("/api/v1/me/password", Map.of("currentPassword", "No-Es-La-Clave-1", "newPassword",
                "Nueva-Clave-2026")).token(token).send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.problemCode()).isEqualTo("wrong-current-password");
        assertThat(wrong.json().path("title").asString()).isEqualTo("Contraseña actual incorrecta");

        Response changed = api.put("/api/v1/me/password", Map.of("currentPassword", TestTenants.PASSWORD, "newPassword",
                "Nueva-Clave-2026")).token(token).send();
        assertThat(changed.status()).isEqualTo(204);
        assertThat(login(tenant.adminEmail(), TestTenants.PASSWORD).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null).cookie(COOKIE, other.cookie(COOKIE)).send().status())
            .as("the other sign-in ended").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null).cookie(COOKIE, here.cookie(COOKIE)).send().status())
            .as("this one stays").isEqualTo(200);
    }

    @Test
    void aUserListsTheirSignInsAndEndsOneButNotAnotherUsers() {
        Response phone = login(tenant.adminEmail(), TestTenants.PASSWORD);
        String token = login(tenant.adminEmail(), TestTenants.PASSWORD).json().path("accessToken").asString();
        List<JsonNode> sessions = api.get("/api/v1/me/sessions").token(token).send().json().valueStream().toList();
        assertThat(sessions).hasSizeGreaterThanOrEqualTo(3); // the test's own sign-in, the phone, this one
        assertThat(sessions.stream().filter(s -> s.path("current").asBoolean())).hasSize(1);
        JsonNode phoneSession = sessions.stream().filter(s -> !s.path("current").asBoolean()).findFirst().orElseThrow();
        assertThat(phoneSession.path("startedAt").asString()).isNotBlank();

        tenants.addUser(tenant, "otra", SystemRole.SALES);
        String otra = api.login(tenant.email("otra"), TestTenants.PASSWORD);
        String otraSession = api.get("/api/v1/me/sessions").token(otra).send().json().path(0).path("id").asString();
        Response notMine = api.delete("/api/v1/me/sessions/" + otraSession).token(token).send();
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.problemCode()).isEqualTo("not-found");

        int before = sessions.size();
        for (JsonNode s : sessions) {
            if (!s.path("current").asBoolean()) {
                assertThat(api.delete("/api/v1/me/sessions/" + s.path("id").asString()).token(token).send().status())
                    .isEqualTo(204);
            }
        }
        assertThat(api.get("/api/v1/me/sessions").token(token).send().json().valueStream().toList()).hasSize(1)
            .allSatisfy(s -> assertThat(s.path("current").asBoolean()).isTrue());
        assertThat(before).isGreaterThan(1);
        assertThat(api.post("/api/v1/auth/refresh", null).cookie(COOKIE, phone.cookie(COOKIE)).send().status())
            .as("the phone's sign-in ended").isEqualTo(401);
    }

    @Test
    void wrongCurrentPasswordsAreLimitedLikeWrongLoginsEvenWhenTheRightOneComes() {
        tenants.addUser(tenant, "adivina", SystemRole.SALES);
        String token = api.login(tenant.email("adivina"), TestTenants.PASSWORD);
        for (int i = 0; i < 5; i++) {
            Response wrong = api.put("/api/v1/me/password", Map.of("currentPassword", "Adivinanza-" + i,
                    "newPassword", "Nueva-Clave-2026")).token(token).send();
            assertThat(wrong.problemCode()).isEqualTo("wrong-current-password");
        }
        Response limited = api.put("/api/v1/me/password", Map.of("currentPassword", TestTenants.PASSWORD,
                "newPassword", "Nueva-Clave-2026")).token(token).language("en").send();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemCode()).isEqualTo("rate-limited");
        assertThat(limited.json().path("title").asString()).isEqualTo("Too many requests");
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 60L);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", tenant.email("adivina"), "password",
                TestTenants.PASSWORD)).send().status()).as("nor can the password be guessed at the login").isEqualTo(429);
    }
}
