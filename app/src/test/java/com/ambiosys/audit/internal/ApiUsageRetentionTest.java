package com.ambiosys.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;

@SystemTest
class ApiUsageRetentionTest {

    @Autowired
    ApiUsageRetention retention;
    @Autowired
    TestTenants tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void deletesOnlyRowsOlderThanTheRetention() {
        var tenant = tenants.create();
        TenantContext.runAs(tenant.id(), () -> tx.executeWithoutResult(s -> {
            for (Duration age : new Duration[] { Duration.ofDays(200), Duration.ofDays(91), Duration.ofDays(1) }) {
                jdbc.sql("""
                        insert into api_usage_log (tenant_id, id, occurred_at, method, route, status, duration_ms)
                        values (:t, :id, :at, 'GET', '/api/v1/me', 200, 3)
                        """).param("t", tenant.id()).param("id", UUID.randomUUID())
                    .param("at", Timestamp.from(Instant.now().minus(age))).update();
            }
        }));
        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
        long left = TenantContext.callAs(tenant.id(), () -> tx.execute(s -> jdbc
            .sql("select count(*) from api_usage_log where route = '/api/v1/me' and status = 200 and duration_ms = 3")
            .query(Long.class).single()));
        assertThat(left).isEqualTo(1);
    }
}
