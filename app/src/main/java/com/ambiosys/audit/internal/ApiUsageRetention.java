package com.ambiosys.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.TenantManagement;

/** Deletes API usage rows older than the retention period, tenant by tenant. */
@Component
class ApiUsageRetention {

    private static final Logger log = LoggerFactory.getLogger(ApiUsageRetention.class);

    private final TenantManagement tenants;
    private final JdbcClient jdbc;
    private final TenantTransactions tx;
    private final Clock clock;
    private final Duration retention;

    ApiUsageRetention(TenantManagement tenants, JdbcClient jdbc, TenantTransactions tx, Clock clock,
            @Value("${ambiosys.audit.api-usage.retention:90d}") Duration retention) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        for (UUID tenant : tenants.activeTenantIds()) {
            total += tx.call(tenant, status -> jdbc
                .sql("delete from api_usage_log where tenant_id = :t and occurred_at < :cutoff")
                .param("t", tenant).param("cutoff", cutoff).update());
        }
        if (total > 0) {
            log.info("Deleted {} API usage rows older than {}", total, retention);
        }
        return total;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> purgeApiUsageTask(ApiUsageRetention retention) {
            return Tasks.recurring("audit-purge-api-usage", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> retention.purge());
        }
    }
}
