package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.tenants.TenantManagement;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The SLA job: every minute (by default) it finds the open clocks whose at-risk or due point has come,
 * marks them, and publishes {@link SlaAtRisk} / {@link SlaBreached}. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and each event is a unique row, so two instances running the job at
 * once never mark or announce a request twice.
 */
@Component
class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    static final int BATCH = 2_000;

    private final TenantManagement tenants;
    private final TenantTransactions tx;
    private final JdbcClient jdbc;
    private final SlaTracker tracker;
    private final ServiceRequestSetup setup;
    private final Clock clock;

    SlaWatch(TenantManagement tenants, TenantTransactions tx, JdbcClient jdbc, SlaTracker tracker, ServiceRequestSetup setup,
            Clock clock) {
        this.tenants = tenants;
        this.tx = tx;
        this.jdbc = jdbc;
        this.tracker = tracker;
        this.setup = setup;
        this.clock = clock;
    }

    /** Checks every tenant; answers how many requests changed SLA status. */
    int scan() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int total = 0;
        for (UUID tenant : tenants.activeTenantIds()) {
            int changed;
            int batches = 0;
            do {
                changed = tx.call(tenant, status -> scanBatch(tenant, now));
                total += changed;
            }
            while (changed == BATCH && ++batches < 100);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (total > 0) {
            log.info("SLA watch: {} requests changed status in {} ms", total, millis);
        }
        else {
            log.debug("SLA watch: nothing due, {} ms", millis);
        }
        return total;
    }

    private int scanBatch(UUID tenant, Instant now) {
        List<SlaTracker.Row> due = jdbc.sql("select " + SlaTracker.Row.COLUMNS + """
                   from service_requests
                  where tenant_id = :t
                    and ((response_sla = 'ON_TRACK' and response_at_risk_at <= :now)
                         or (response_sla = 'AT_RISK' and response_due_at <= :now)
                         or (resolution_sla = 'ON_TRACK' and resolution_at_risk_at <= :now)
                         or (resolution_sla = 'AT_RISK' and resolution_due_at <= :now))
                  limit :batch
                  for update skip locked
                """).param("t", tenant).param("now", Timestamp.from(now)).param("batch", BATCH)
            .query((rs, n) -> SlaTracker.Row.of(rs)).list();
        if (due.isEmpty()) {
            return 0;
        }
        BusinessCalendar calendar = setup.calendar();
        Map<UUID, List<com.ambiosys.servicerequests.domain.SlaClock.Pause>> pauses = tracker
            .pauses(due.stream().map(SlaTracker.Row::id).toList());
        tracker.applyAll(tenant, due, pauses, calendar, now);
        return due.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> slaWatchTask(SlaWatch watch,
                @Value("${ambiosys.jobs.sla-watch-interval:1m}") Duration interval) {
            return Tasks.recurring("servicerequests-sla-watch", FixedDelay.of(interval))
                .execute((instance, context) -> watch.scan());
        }
    }
}
