package com.ambiosys.servicerequests;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.servicerequests.domain.SlaClock;
import com.ambiosys.tenants.TenantManagement;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The SLA job: every minute (by default) it finds the open clocks whose at-risk or due point has come,
 * marks them, and publishes {@link SlaAtRisk} / {@link SlaBreached}. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and each event is a unique row, so two instances running the job at
 * once never mark or announce a request twice.
 *
 * <p>When the first batch of a tenant is full (more than {@value #BATCH} clocks due at once: a burst after
 * an outage, or Monday morning), {@code ambiosys.jobs.sla-watch-workers} batches run side by side, each in
 * its own transaction, claiming disjoint rows exactly as two instances would: while one worker's batch is
 * in PostgreSQL, the other computes its clocks.
 */
@Component
class SlaWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    static final int BATCH = 2_000;

    private final TenantManagement tenants;
    private final TenantTransactions tx;
    private final JdbcClient jdbc;
    private final SlaTracker tracker;
    private final ServiceRequestSetup setup;
    private final Clock clock;
    private final int workers;
    /** The workers besides the job's own thread; null with one worker. */
    private final ExecutorService helpers;

    SlaWatch(TenantManagement tenants, TenantTransactions tx, JdbcClient jdbc, SlaTracker tracker, ServiceRequestSetup setup,
            Clock clock, @Value("${ambiosys.jobs.sla-watch-workers:2}") int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("ambiosys.jobs.sla-watch-workers must be at least 1, not " + workers);
        }
        this.tenants = tenants;
        this.tx = tx;
        this.jdbc = jdbc;
        this.tracker = tracker;
        this.setup = setup;
        this.clock = clock;
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        this.helpers = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "sla-watch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** Checks every tenant; answers how many requests changed SLA status. */
    int scan() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int total = 0;
        for (UUID tenant : tenants.activeTenantIds()) {
            recomputeIfCalendarChanged(tenant, now);
            total += scanTenant(tenant, now);
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

    /** The tenant's due clocks: one batch, and when it was full, the rest by all the workers. */
    private int scanTenant(UUID tenant, Instant now) {
        int first = batch(tenant, now);
        if (first < BATCH) {
            return first;
        }
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            others.add(helpers.submit(() -> drain(tenant, now)));
        }
        int total = first + drain(tenant, now);
        RuntimeException failure = null;
        for (Future<Integer> other : others) {
            try {
                total += other.get();
            }
            catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while the SLA workers ran", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    /** Batches until one is not full (nothing more due that another worker has not claimed). */
    private int drain(UUID tenant, Instant now) {
        int total = 0;
        int changed;
        int batches = 0;
        do {
            changed = batch(tenant, now);
            total += changed;
        }
        while (changed == BATCH && ++batches < 100);
        return total;
    }

    private int batch(UUID tenant, Instant now) {
        return tx.call(tenant, status -> scanBatch(tenant, now));
    }

    /**
     * Marks one batch of due clocks by their stored instants, in one statement: claims the rows, moves each clock
     * to {@code AT_RISK} or {@code BREACHED} as {@link com.ambiosys.servicerequests.domain.SlaClock#status} would
     * (breached from its due instant on, at risk from its at-risk instant on), records the events (a row already
     * there is skipped) and answers the rows changed and the events recorded. The instants are kept current by
     * every change of a request ({@link SlaTracker#apply}) and of the calendar ({@link #recomputeIfCalendarChanged}),
     * so no clock is computed here.
     */
    private int scanBatch(UUID tenant, Instant now) {
        List<SlaTracker.Reached> recorded = new ArrayList<>();
        int[] changed = { 0 };
        jdbc.sql("""
                with due as (
                    select id from service_requests
                     where tenant_id = :t
                       and ((response_sla = 'ON_TRACK' and response_at_risk_at <= :now)
                            or (response_sla = 'AT_RISK' and response_due_at <= :now)
                            or (resolution_sla = 'ON_TRACK' and resolution_at_risk_at <= :now)
                            or (resolution_sla = 'AT_RISK' and resolution_due_at <= :now))
                     limit :batch
                     for update skip locked),
                marked as (
                    update service_requests r
                       set response_sla = case
                               when r.response_sla in ('ON_TRACK', 'AT_RISK') and r.response_due_at <= :now then 'BREACHED'
                               when r.response_sla = 'ON_TRACK' and r.response_at_risk_at <= :now then 'AT_RISK'
                               else r.response_sla end,
                           resolution_sla = case
                               when r.resolution_sla in ('ON_TRACK', 'AT_RISK') and r.resolution_due_at <= :now then 'BREACHED'
                               when r.resolution_sla = 'ON_TRACK' and r.resolution_at_risk_at <= :now then 'AT_RISK'
                               else r.resolution_sla end
                      from due
                     where r.tenant_id = :t and r.id = due.id
                    returning r.id, r.response_sla, r.response_due_at, r.resolution_sla, r.resolution_due_at),
                reached as (
                    select m.id, c.clock, c.status, c.due_at, c.n
                      from marked m
                      cross join lateral (values (1, 'RESPONSE', m.response_sla, m.response_due_at),
                                                 (2, 'RESOLUTION', m.resolution_sla, m.resolution_due_at))
                           as c(n, clock, status, due_at)
                     where c.status in ('AT_RISK', 'BREACHED')),
                recorded as (
                    insert into service_request_sla_events (tenant_id, request_id, clock, event, at)
                    select :t, id, clock, status, :now from reached
                    on conflict do nothing
                    returning request_id, clock)
                select (select count(*) from marked) as changed, x.id, x.clock, x.status, x.due_at
                  from (select 1) one
                  left join (recorded r join reached x on x.id = r.request_id and x.clock = r.clock) on true
                 order by x.id, x.n
                """).param("t", tenant).param("now", Timestamp.from(now)).param("batch", BATCH)
            .query((ResultSet rs) -> {
                changed[0] = rs.getInt("changed");
                UUID id = rs.getObject("id", UUID.class);
                if (id != null) {
                    Timestamp due = rs.getTimestamp("due_at");
                    recorded.add(new SlaTracker.Reached(id, rs.getString("clock"),
                            SlaClock.Status.valueOf(rs.getString("status")),
                            due == null ? null : due.toInstant()));
                }
            });
        tracker.publish(tenant, recorded);
        return changed[0];
    }

    /**
     * When the tenant's calendar (time zone, week, holidays) changed since the stored instants were computed
     * ({@code service_request_settings.version} ahead of {@code clocks_version}), computes every running clock
     * again with the calendar of now, in batches of {@value #BATCH} by id, each in a transaction of its own; then
     * records the version. A change meanwhile leaves the version ahead: the next run computes them again. Two
     * instances may both do it: the result is the same, and an event is recorded and published once.
     */
    private void recomputeIfCalendarChanged(UUID tenant, Instant now) {
        Long version = tx.call(tenant, status -> jdbc.sql("""
                select version from service_request_settings where tenant_id = :t and version <> clocks_version
                """).param("t", tenant).query(Long.class).optional().orElse(null));
        if (version == null) {
            return;
        }
        long started = System.nanoTime();
        BusinessCalendar calendar = tx.call(tenant, status -> setup.calendar()); // a change meanwhile moves version on
        int total = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids by their bytes, unsigned: the least
        while (true) {
            UUID from = after;
            List<SlaTracker.Row> rows = tx.call(tenant, status -> {
                List<SlaTracker.Row> batch = jdbc.sql("select " + SlaTracker.Row.COLUMNS + """
                           from service_requests
                          where tenant_id = :t and id > :after
                            and (response_sla in ('ON_TRACK', 'AT_RISK') or resolution_sla in ('ON_TRACK', 'AT_RISK'))
                          order by id
                          limit :batch
                          for update
                        """).param("t", tenant).param("after", from).param("batch", BATCH)
                    .query((rs, n) -> SlaTracker.Row.of(rs)).list();
                if (!batch.isEmpty()) {
                    Map<UUID, List<SlaClock.Pause>> pauses = tracker.pauses(batch.stream().map(SlaTracker.Row::id).toList());
                    tracker.applyAll(tenant, batch, pauses, calendar, now);
                }
                return batch;
            });
            total += rows.size();
            if (rows.size() < BATCH) {
                break;
            }
            after = rows.get(rows.size() - 1).id();
        }
        tx.run(tenant, status -> jdbc.sql("""
                update service_request_settings set clocks_version = :v where tenant_id = :t and version = :v
                """).param("t", tenant).param("v", version).update());
        log.info("SLA clocks computed again for a calendar change (tenant {}): {} requests in {} ms", tenant, total,
                (System.nanoTime() - started) / 1_000_000);
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
