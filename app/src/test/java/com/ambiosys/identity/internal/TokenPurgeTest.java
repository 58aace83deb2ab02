package com.ambiosys.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The durable job that purges expired tokens: registered with the scheduler, and tenant by tenant. */
@SystemTest
class TokenPurgeTest {

    @Autowired
    TokenPurge purge;
    @Autowired
    TestTenants tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void purgesExpiredTokensOfEveryTenantAndKeepsLiveOnes() {
        var a = tenants.create();
        var b = tenants.create();
        insertTokens(a.id(), a.adminId());
        insertTokens(b.id(), b.adminId());

        purge.purgeAll(); // the scheduled purge may have taken some first: what is left is what counts

        for (var t : java.util.List.of(a, b)) {
            long refresh = TenantContext.callAs(t.id(), () -> tx.execute(s ->
                    jdbc.sql("select count(*) from refresh_tokens").query(Long.class).single()));
            long resets = TenantContext.callAs(t.id(), () -> tx.execute(s ->
                    jdbc.sql("select count(*) from password_reset_tokens").query(Long.class).single()));
            assertThat(refresh).as("live refresh token kept").isEqualTo(1);
            assertThat(resets).as("live reset token kept").isEqualTo(1);
        }
    }

    @Test
    void recurringJobIsScheduledDurablyInTheDatabase() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
            .sql("select count(*) from scheduled_tasks where task_name = 'identity-purge-expired-tokens'")
            .query(Long.class).single()).isEqualTo(1));
    }

    private void insertTokens(UUID tenant, UUID user) {
        Instant now = Instant.now();
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> {
            for (Instant expiry : new Instant[] { now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)),
                    now.plus(Duration.ofDays(1)) }) {
                jdbc.sql("""
                        insert into refresh_tokens (tenant_id, id, user_id, family_id, token_hash, issued_at, expires_at,
                                                    family_started_at)
                        values (:t, :id, :u, :f, :h, :i, :e, :i)
                        """).param("t", tenant).param("id", UUID.randomUUID()).param("u", user)
                    .param("f", UUID.randomUUID()).param("h", UUID.randomUUID().toString().getBytes())
                    .param("i", Timestamp.from(expiry.minus(Duration.ofDays(7)))).param("e", Timestamp.from(expiry))
                    .update();
                jdbc.sql("""
                        insert into password_reset_tokens (tenant_id, id, user_id, token_hash, created_at, expires_at)
                        values (:t, :id, :u, :h, :c, :e)
                        """).param("t", tenant).param("id", UUID.randomUUID()).param("u", user)
                    .param("h", UUID.randomUUID().toString().getBytes())
                    .param("c", Timestamp.from(expiry.minus(Duration.ofHours(1)))).param("e", Timestamp.from(expiry))
                    .update();
            }
        }));
    }
}
