package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.identity.internal.SecretTokens;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants.TestTenant;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

@SystemTest
class AuthenticationSystemTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    ApiClient api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tenant = tenants.create();
    }

    private Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password)).send();
    }

    @Test
    void loginIssuesAnEs256AccessTokenThatOpensMe() {
        Response response = login(tenant.adminEmail(), TestTenants.PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        JsonNode tokens = response.json();
        assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.path("refreshExpiresIn").asLong()).isEqualTo(7 * 24 * 3600);
        String header = new String(java.util.Base64.getUrlDecoder().decode(tokens.path("accessToken").asString().split("\\.")[0]));
        assertThat(header).contains("\"alg\":\"ES256\"").contains("\"kid\"");

        Response me = api.get("/api/v1/me").token(tokens.path("accessToken").asString()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("user").path("email").asString()).isEqualTo(tenant.adminEmail());
        assertThat(me.json().path("tenant").path("id").asString()).isEqualTo(tenant.id().toString());
        assertThat(me.json().path("tenant").path("slug").asString()).isEqualTo(tenant.slug());
        assertThat(me.json().path("permissions").toString()).contains("users:create", "roles:edit", "audit:view");
        assertThat(me.json().path("permissionVersion").asLong()).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsRefusedInTheCallersLanguage() {
        Response spanish = login(tenant.adminEmail(), "no-es-la-clave");
        assertThat(spanish.status()).isEqualTo(401);
        assertThat(spanish.header("content-type")).startsWith("application/problem+json");
        assertThat(spanish.problemCode()).isEqualTo("invalid-credentials");
        assertThat(spanish.json().path("title").asString()).isEqualTo("Credenciales incorrectas");

        Response english = api.post("/api/v1/auth/login", Map.of("email", tenant.adminEmail(), "password", "nope-nope"))
            .language("en-US").send();
        assertThat(english.status()).isEqualTo(401);
        assertThat(english.json().path("title").asString()).isEqualTo("Wrong credentials");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        Response response = login("nadie-" + UUID.randomUUID() + "@example.com", "lo-que-sea-123");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("invalid-credentials");
    }

    @Test
    void refreshRotatesAndReusingARotatedTokenRevokesTheWholeFamily() {
        String original = login(tenant.adminEmail(), TestTenants.PASSWORD).cookie(REFRESH_COOKIE);

        Response rotated = refresh(original);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.cookie(REFRESH_COOKIE);
        assertThat(second).isNotEqualTo(original);
        assertThat(api.get("/api/v1/me").token(rotated.json().path("accessToken").asString()).send().status()).isEqualTo(200);

        // back after the grace window that lets two tabs refresh at once (SessionCookieSystemTest)
        TenantContext.runAs(tenant.id(), () -> tx.executeWithoutResult(s -> jdbc
            .sql("update refresh_tokens set rotated_at = rotated_at - interval '1 minute' where token_hash = :h")
            .param("h", SecretTokens.hash(original)).update()));
        Response reuse = refresh(original);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problemCode()).isEqualTo("refresh-token-reused");

        Response afterRevocation = refresh(second);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.problemCode()).isEqualTo("invalid-refresh-token");

        assertThat(accessEvents(tenant.adminId())).contains("LOGIN", "REFRESH", "REFRESH_REUSED");
        assertThat(securityEvents(tenant.adminId())).contains("refresh-token-reused");
    }

    private static final String REFRESH_COOKIE = "ambiosys_refresh";

    private Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null).cookie(REFRESH_COOKIE, refreshToken).send();
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String refresh = login(tenant.adminEmail(), TestTenants.PASSWORD).cookie(REFRESH_COOKIE);
        Response logout = api.post("/api/v1/auth/logout", null).cookie(REFRESH_COOKIE, refresh).send();
        assertThat(logout.status()).isEqualTo(204);
        Response refreshAfter = refresh(refresh);
        assertThat(refreshAfter.status()).isEqualTo(401);
        assertThat(accessEvents(tenant.adminId())).contains("LOGOUT");
    }

    @Test
    void forgedOrGarbageRefreshTokensAreRefused() {
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "garbage")).send().status()).isEqualTo(401);
        String forged = tenant.id() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", forged)).send().status()).isEqualTo(401);
    }

    @Test
    void tooManyLoginsToOneAccountFromOneAddressAreRateLimitedEvenWithTheRightPassword() {
        // right passwords: wrong ones would meet the back-off after five (LoginBackoffSystemTest)
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            Response r = login(tenant.adminEmail(), TestTenants.PASSWORD);
            if (i < 10) {
                assertThat(r.status()).as("login " + (i + 1) + " of 10 allowed per minute").isEqualTo(200);
            }
            else if (r.status() == 429) {
                limited++;
                retryAfter = r.header("retry-after");
                assertThat(r.problemCode()).isEqualTo("rate-limited");
            }
        }
        // 10 per minute per account and address; a slow machine may have refilled one token in the meantime
        assertThat(limited).isGreaterThanOrEqualTo(1);
        assertThat(retryAfter).isNotBlank();
    }

    @Test
    void deactivatedUsersTokenStopsWorkingAtOnce() {
        tenants.addUser(tenant, "agente", SystemRole.AGENT);
        String agentToken = api.login(tenant.email("agente"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/me").token(agentToken).send().status()).isEqualTo(200);

        String adminToken = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        UUID agentId = UUID.fromString(api.get("/api/v1/users?q=agente").token(adminToken).send().json().path("items")
            .get(0).path("id").asString());
        assertThat(api.post("/api/v1/users/" + agentId + "/deactivate", null).token(adminToken).send().status())
            .isEqualTo(200);

        Response after = api.get("/api/v1/me").token(agentToken).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.problemCode()).isEqualTo("account-inactive");
        assertThat(login(tenant.email("agente"), TestTenants.PASSWORD).problemCode()).isEqualTo("account-inactive");
    }

    @Autowired
    com.ambiosys.tenants.TenantManagement tenantManagement;

    @Test
    void suspendedTenantsUsersAreShutOutWithinSeconds() {
        String token = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/me").token(token).send().status()).isEqualTo(200);
        tenantManagement.suspend(tenant.id());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/me").token(token).send().problemCode()).isEqualTo("account-inactive"));
        assertThat(login(tenant.adminEmail(), TestTenants.PASSWORD).problemCode()).isEqualTo("account-inactive");
        tenantManagement.activate(tenant.id());
    }

    @Test
    void requestsWithoutOrWithABadTokenGetA401Problem() {
        Response none = api.get("/api/v1/me").send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.problemCode()).isEqualTo("unauthorized");
        assertThat(none.header("www-authenticate")).startsWith("Bearer");

        Response bad = api.get("/api/v1/me").token("eyJhbGciOiJFUzI1NiJ9.e30.c2lnbmF0dXJl").send();
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.problemCode()).isEqualTo("invalid-token");
    }

    @Test
    void accessLogListsLoginsWithIpAndUserAgent() {
        login(tenant.adminEmail(), "mal-1234567");
        String token = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        Response log = api.get("/api/v1/access-log?size=10").token(token).header("User-Agent", "prueba/1.0").send();
        assertThat(log.status()).isEqualTo(200);
        List<String> events = log.json().path("items").valueStream().map(n -> n.path("event").asString()).toList();
        assertThat(events).contains("LOGIN", "LOGIN_FAILED");
        assertThat(log.json().path("items").get(0).path("ip").asString()).isEqualTo("127.0.0.1");
        Response filtered = api.get("/api/v1/access-log?event=LOGIN_FAILED").token(token).send();
        assertThat(filtered.json().path("items").valueStream().map(n -> n.path("event").asString()).distinct().toList())
            .containsExactly("LOGIN_FAILED");
    }

    private List<String> accessEvents(UUID userId) {
        return TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select event from access_log where user_id = :u order by occurred_at").param("u", userId)
            .query(String.class).list()));
    }

    private List<String> securityEvents(UUID userId) {
        return TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select summary from audit_log where action = 'SECURITY' and entity_id = :u").param("u", userId.toString())
            .query(String.class).list()));
    }
}
