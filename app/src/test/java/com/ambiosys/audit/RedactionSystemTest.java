package com.ambiosys.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;

/** Secrets never reach the logs or the API usage log. */
@SystemTest
@ExtendWith(OutputCaptureExtension.class)
class RedactionSystemTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void secretsInQueryStringsAreRedactedInTheUsageLogAndTheRequestLog(CapturedOutput output) {
        var tenant = tenants.create();
        ApiClient api = new ApiClient(port);
        String token = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        api.get("/api/v1/users?q=ana&token=s3cr3t-token&access_token=s3cr3t-access&refresh_token=s3cr3t-refresh"
                + "&Authorization=s3cr3t-auth&password=s3cr3t-pass").token(token).send();

        List<Map<String, Object>> rows = await().atMost(Duration.ofSeconds(10)).until(() -> usage(tenant.id()),
                r -> !r.isEmpty());
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("route")).isEqualTo("/api/v1/users");
        assertThat(row.get("status")).isEqualTo(200);
        assertThat((String) row.get("query")).contains("q=ana", "token=[REDACTED]", "access_token=[REDACTED]",
                "refresh_token=[REDACTED]", "Authorization=[REDACTED]", "password=[REDACTED]")
            .doesNotContain("s3cr3t");

        // structured log lines carry the request id, tenant and user
        assertThat(output.getAll()).contains("\"tenantId\":\"" + tenant.id() + "\"").contains("\"requestId\":\"")
            .contains("\"userId\":\"" + tenant.adminId() + "\"");
        assertThat(output.getAll()).contains("token=[REDACTED]").doesNotContain("s3cr3t").doesNotContain(token)
            .doesNotContain(TestTenants.PASSWORD);
    }

    @Test
    void auditSnapshotsRedactPasswordsAndTokens() {
        var tenant = tenants.create();
        ApiClient api = new ApiClient(port);
        String token = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        var created = api.post("/api/v1/users", Map.of("email", tenant.email("nueva"), "fullName", "Nueva",
                "language", "es", "timeZone", "America/Guatemala", "password", "Clave-Secreta-Larga")).token(token).send();
        assertThat(created.status()).isEqualTo(201);
        String audit = TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select after::text from audit_log where entity_type = 'user' and action = 'CREATE'")
            .query(String.class).single()));
        assertThat(audit).doesNotContain("Clave-Secreta-Larga").doesNotContain("$2a$");
    }

    /** Not even the last four characters of a channel's secrets: a snapshot is kept for years. */
    @Test
    void auditSnapshotsOfAChannelKeepNothingOfItsSecrets() {
        var tenant = tenants.create();
        ApiClient api = new ApiClient(port);
        String token = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
        String phoneNumberId = String.valueOf(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(100_000_000_000L, 999_999_999_999L));
        var created = api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp ventas", "phoneNumberId",
                phoneNumberId, "accessToken", "EAAG-acceso-WXYZ", "appSecret", "secreto-app-QRST",
                "verifyToken", "verificar-LMNO")).token(token).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("accessTokenHint").asString()).endsWith("WXYZ"); // the API still helps its user
        String audit = TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select after::text from audit_log where entity_type = 'channel' and action = 'CREATE'")
            .query(String.class).single()));
        assertThat(audit).contains("WhatsApp ventas").contains("[REDACTED]")
            .doesNotContain("WXYZ").doesNotContain("QRST").doesNotContain("LMNO");
    }

    private List<Map<String, Object>> usage(java.util.UUID tenant) {
        return TenantContext.callAs(tenant, () -> tx.execute(s -> jdbc
            .sql("select route, status, query from api_usage_log where route = '/api/v1/users'")
            .query().listOfRows()));
    }
}
