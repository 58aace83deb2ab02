package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.identity.internal.SigningKeys;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SecondInstance;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants.TestTenant;
import com.ambiosys.support.TestTenants;

/**
 * Two application contexts on one database: the shared test context (instance A) and a second instance
 * (B) started here, with a clock the test moves, a per-IP limit of 10 logins a minute, the active signing
 * keys checked on every request (the default checks at most once a second), and behind a proxy: B believes
 * {@code X-Forwarded-For} from 127.0.0.5 only.
 */
@SystemTest
class SecondInstanceSystemTest {

    static final String TRUSTED_PROXY = "127.0.0.5";
    static SecondInstance second;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start("ambiosys.security.rate-limit.per-ip-per-minute=10",
                "ambiosys.security.signing-key-check-interval=0s", "server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=" + TRUSTED_PROXY.replace(".", "\\."));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    SigningKeys keys;
    @Autowired
    TenantTransactions tenantTx;
    @Autowired
    JdbcClient jdbc;

    ApiClient a;
    ApiClient b;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        a = new ApiClient(port);
        b = new ApiClient(second.port());
        tenant = tenants.create();
    }

    @Test
    void aTokenSignedByAKeyRetiredOnOneInstanceIsRefusedAtOnceByBoth() {
        String kid = keys.rotate();
        String token = a.login(tenant.adminEmail(), TestTenants.PASSWORD);
        assertThat(kidOf(token)).isEqualTo(kid);
        assertThat(b.get("/api/v1/me").token(token).send().status()).isEqualTo(200);

        keys.retire(kid);

        Response onB = b.get("/api/v1/me").token(token).send();
        assertThat(onB.status()).isEqualTo(401);
        assertThat(onB.problemCode()).isEqualTo("invalid-token");
        assertThat(a.get("/api/v1/me").token(token).send().status()).isEqualTo(401);

        String fresh = a.login(tenant.adminEmail(), TestTenants.PASSWORD);
        assertThat(kidOf(fresh)).isNotEqualTo(kid);
        assertThat(b.get("/api/v1/me").token(fresh).send().status()).isEqualTo(200);
    }

    @Test
    void theBackoffEndsOnceItsWaitHasPassedOnTheApplicationsClock() {
        tenants.addUser(tenant, "espera", SystemRole.SALES);
        String email = tenant.email("espera");
        for (int i = 0; i < 5; i++) {
            assertThat(b.post("/api/v1/auth/login", Map.of("email", email, "password", "equivocada-" + i)).send()
                .problemCode()).isEqualTo("invalid-credentials");
        }
        Response waiting = b.post("/api/v1/auth/login", Map.of("email", email, "password", TestTenants.PASSWORD)).send();
        assertThat(waiting.status()).isEqualTo(429);

        second.clock.advance(Duration.ofSeconds(61));

        assertThat(b.post("/api/v1/auth/login", Map.of("email", email, "password", TestTenants.PASSWORD)).send()
            .status()).isEqualTo(200);
    }

    @Test
    void thePerIpLimitHoldsOnItsOwnAndASpoofedForwardedForDoesNotEscapeIt() {
        String ip = "127.0.0.3"; // an address no other test of this instance uses
        for (int i = 0; i < 10; i++) {
            String email = "ip-" + UUID.randomUUID() + "@example.com"; // each account far below its own limit
            assertThat(LoopbackClient.login(second.port(), ip, email, "lo-que-sea-1",
                    Map.of("X-Forwarded-For", "203.0.113." + (i + 1)))).startsWith("HTTP/1.1 401");
        }
        String eleventh = LoopbackClient.login(second.port(), ip, "otra-" + UUID.randomUUID() + "@example.com",
                "lo-que-sea-1", Map.of("X-Forwarded-For", "198.51.100.99"));
        assertThat(eleventh).startsWith("HTTP/1.1 429").contains("rate-limited");
        assertThat(LoopbackClient.login(second.port(), "127.0.0.4", "otra-" + UUID.randomUUID() + "@example.com",
                "lo-que-sea-1", Map.of())).as("another address has its own limit").startsWith("HTTP/1.1 401");
    }

    @Test
    void behindTheTrustedProxyTheClientAddressIsTheForwardedOneAndOnlyThere() {
        Map<String, String> forwarded = Map.of("X-Forwarded-For", "203.0.113.50");
        assertThat(LoopbackClient.login(second.port(), TRUSTED_PROXY, tenant.adminEmail(), TestTenants.PASSWORD,
                forwarded)).startsWith("HTTP/1.1 200");
        assertThat(LoopbackClient.login(second.port(), "127.0.0.6", tenant.adminEmail(), TestTenants.PASSWORD,
                Map.of("X-Forwarded-For", "203.0.113.51"))).startsWith("HTTP/1.1 200");
        java.util.List<String> ips = tenantTx.read(tenant.id(), s -> jdbc
            .sql("select ip from access_log where event = 'LOGIN'").query(String.class).list());
        assertThat(ips).containsExactlyInAnyOrder("203.0.113.50", "127.0.0.6");
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
