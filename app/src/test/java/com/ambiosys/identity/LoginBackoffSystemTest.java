package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wrong passwords make one account wait from one client address, never the account itself; the answers
 * do not tell a known email from an unknown one, or from one in several tenants; the client address is
 * the socket's (X-Forwarded-For is not trusted with the default {@code forward-headers-strategy=none}).
 */
class LoginBackoffSystemTest extends TenantApiTest {

    /** Another loopback address: on Linux every 127.0.0.0/8 address reaches the server. */
    static final String STRANGER_IP = "127.0.0.2";

    @Autowired
    TenantOnboarding onboarding;
    @Autowired
    TransactionTemplate tx;

    private Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password)).send();
    }

    @Test
    void afterFiveWrongPasswordsOnlyThatAddressWaitsEvenWithTheRightPassword() {
        UUID userId = tenants.addUser(tenant, "ventas", SystemRole.SALES);
        String email = tenant.email("ventas");
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "equivocada-" + i).problemCode()).isEqualTo("invalid-credentials");
        }
        Response waiting = login(email, TestTenants.PASSWORD);
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.problemCode()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(waiting.header("retry-after"))).isBetween(1L, 60L);

        assertThat(loginFrom(STRANGER_IP, email, TestTenants.PASSWORD)).startsWith("HTTP/1.1 200");
        assertThat(accessEvents(userId)).contains("LOGIN_FAILED", "LOCKED", "LOGIN");
        assertThat(securityEvents(userId)).contains("login-backoff");
    }

    @Test
    void aStrangerFromAnotherAddressCannotKeepAKnownEmailLockedOut() {
        tenants.addUser(tenant, "victima", SystemRole.SALES);
        String email = tenant.email("victima");
        for (int i = 0; i < 8; i++) {
            loginFrom(STRANGER_IP, email, "adivinanza-" + i);
        }
        assertThat(loginFrom(STRANGER_IP, email, TestTenants.PASSWORD)).startsWith("HTTP/1.1 429");

        Response owner = login(email, TestTenants.PASSWORD);
        assertThat(owner.status()).isEqualTo(200);
    }

    @Test
    void knownAndUnknownEmailsGetTheSameAnswersAttemptAfterAttempt() {
        tenants.addUser(tenant, "conocida", SystemRole.SALES);
        String known = tenant.email("conocida");
        String unknown = "nadie-" + UUID.randomUUID() + "@" + tenant.slug() + ".example";
        for (int i = 0; i < 7; i++) {
            Response a = login(known, "equivocada-" + i);
            Response b = login(unknown, "equivocada-" + i);
            assertSameAnswer(a, b, "attempt " + (i + 1));
        }
    }

    @Test
    void anEmailInTwoTenantsAnswersLikeAnUnknownOneUntilThePasswordIsRight() {
        TestTenant other = tenants.create();
        String shared = "compartida-" + UUID.randomUUID() + "@example.com";
        addUser(tenant, shared);
        addUser(other, shared);
        String unknown = "nadie-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 6; i++) {
            assertSameAnswer(login(shared, "equivocada-" + i), login(unknown, "equivocada-" + i), "attempt " + (i + 1));
        }
    }

    @Test
    void theSameEmailInTwoTenantsSignsIntoTheTenantItNames() {
        TestTenant other = tenants.create();
        String shared = "doble-" + UUID.randomUUID() + "@example.com";
        addUser(tenant, shared);
        addUser(other, shared);

        Response unnamed = login(shared, TestTenants.PASSWORD);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.problemCode()).isEqualTo("tenant-required");
        for (TestTenant t : List.of(tenant, other)) {
            Response named = api.post("/api/v1/auth/login", Map.of("email", shared, "password", TestTenants.PASSWORD,
                    "tenant", t.slug())).send();
            assertThat(named.status()).isEqualTo(200);
            String token = named.json().path("accessToken").asString();
            assertThat(api.get("/api/v1/me").token(token).send().json().path("tenant").path("id").asString())
                .isEqualTo(t.id().toString());
        }
        Response wrongTenantPassword = api.post("/api/v1/auth/login", Map.of("email", shared, "password", "otra-cosa-1",
                "tenant", other.slug())).send();
        assertThat(wrongTenantPassword.problemCode()).isEqualTo("invalid-credentials");
    }

    @Test
    void aSpoofedForwardedForNeitherEscapesTheBackoffNorShowsInTheAccessLog() {
        UUID userId = tenants.addUser(tenant, "falsa", SystemRole.SALES);
        String email = tenant.email("falsa");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/login", Map.of("email", email, "password", "equivocada-" + i))
                .header("X-Forwarded-For", "203.0.113." + (i + 1)).send();
        }
        Response spoofed = api.post("/api/v1/auth/login", Map.of("email", email, "password", TestTenants.PASSWORD))
            .header("X-Forwarded-For", "198.51.100.77").send();
        assertThat(spoofed.status()).isEqualTo(429);
        List<String> ips = TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select distinct ip from access_log where user_id = :u").param("u", userId).query(String.class).list()));
        assertThat(ips).containsExactly("127.0.0.1");
    }

    private static void assertSameAnswer(Response a, Response b, String what) {
        assertThat(a.status()).as(what).isEqualTo(b.status());
        assertThat(a.problemCode()).as(what).isIn("invalid-credentials", "rate-limited");
        assertThat(withoutInstance(a.json())).as(what).isEqualTo(withoutInstance(b.json()));
        assertThat(a.header("retry-after") == null).as(what).isEqualTo(b.header("retry-after") == null);
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = ((ObjectNode) problem).deepCopy();
        copy.remove(List.of("instance", "requestId"));
        if (copy.path("status").asInt() == 429) {
            copy.remove("detail"); // the seconds to wait, which may tick between the two requests
        }
        return copy;
    }

    private void addUser(TestTenant t, String email) {
        TenantContext.runAs(t.id(), () -> onboarding.addUser(email, "Compartida", TestTenants.PASSWORD, SystemRole.SALES,
                "es", "America/Guatemala"));
    }

    private String loginFrom(String localIp, String email, String password) {
        return LoopbackClient.login(port, localIp, email, password, Map.of());
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
