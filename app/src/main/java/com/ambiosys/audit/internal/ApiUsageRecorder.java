package com.ambiosys.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantTransactions;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Collects API usage rows in memory and writes them in batches every second, so logging every
 * request costs the request almost nothing. If the queue is full (the database is slow or down) rows
 * are dropped and counted ({@code ambiosys.api_usage.dropped}); this log is statistics, not audit.
 */
@Component
public class ApiUsageRecorder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiUsageRecorder.class);

    record Usage(UUID tenantId, UUID userId, Instant at, String method, String route, String query, int status,
            int durationMs, String requestId) {
    }

    private final BlockingQueue<Usage> queue;
    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final AtomicLong dropped;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-usage-flusher");
        t.setDaemon(true);
        return t;
    });

    ApiUsageRecorder(JdbcTemplate jdbc, TenantTransactions tx, MeterRegistry meters,
            @Value("${ambiosys.audit.api-usage.queue-size:50000}") int queueSize,
            @Value("${ambiosys.audit.api-usage.flush-interval-ms:1000}") long flushMillis) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.dropped = meters.gauge("ambiosys.api_usage.dropped", new AtomicLong());
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    void record(Usage usage) {
        if (!queue.offer(usage)) {
            dropped.incrementAndGet();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        }
        catch (RuntimeException ex) {
            log.warn("Could not write API usage rows: {}", ex.getMessage());
        }
    }

    /** Writes everything queued so far, one transaction per tenant. */
    public void flush() {
        List<Usage> batch = new ArrayList<>();
        queue.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, List<Usage>> byTenant = new LinkedHashMap<>();
        batch.forEach(u -> byTenant.computeIfAbsent(u.tenantId(), k -> new ArrayList<>()).add(u));
        byTenant.forEach((tenant, rows) -> tx.run(tenant, status ->
                jdbc.batchUpdate("""
                        insert into api_usage_log (tenant_id, id, occurred_at, user_id, method, route, query, status,
                                                   duration_ms, request_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, rows, 500, (ps, u) -> {
                            ps.setObject(1, u.tenantId());
                            ps.setObject(2, Ids.next());
                            ps.setTimestamp(3, Timestamp.from(u.at()));
                            ps.setObject(4, u.userId());
                            ps.setString(5, u.method());
                            ps.setString(6, u.route());
                            ps.setString(7, u.query());
                            ps.setInt(8, u.status());
                            ps.setInt(9, u.durationMs());
                            ps.setString(10, u.requestId());
                        })));
    }

    @Override
    public void destroy() {
        flusher.shutdown();
        flushQuietly();
    }
}
