package com.ambiosys.servicerequests;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts and logs SLA events (metrics {@code ambiosys.sla.at_risk} and {@code ambiosys.sla.breached}
 * by clock). Notifications to people will subscribe to the same events ({@link SlaReached}: a batch of them).
 * One log line per batch and kind (how many, by clock); a line per request at DEBUG: a burst of 20 000
 * breaches would otherwise write 20 000 lines while the SLA job is still running.
 */
@Component
class SlaAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlaAlerts.class);

    private final MeterRegistry meters;

    SlaAlerts(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One batch of events: one transaction and one publication to complete, whatever its size. */
    @ApplicationModuleListener
    void on(SlaReached reached) {
        if (!reached.atRisk().isEmpty()) {
            Map<String, Long> byClock = byClock(reached.atRisk().stream().map(SlaAtRisk::clock));
            byClock.forEach((clock, n) -> meters.counter("ambiosys.sla.at_risk", "clock", clock).increment(n));
            log.info("SLA at risk: {} clocks (tenant {}): {}", reached.atRisk().size(), reached.tenantId(), byClock);
            if (log.isDebugEnabled()) {
                reached.atRisk().forEach(e -> log.debug("SLA {} at risk for request {} (tenant {}), due {}", e.clock(),
                        e.requestId(), e.tenantId(), e.dueAt()));
            }
        }
        if (!reached.breached().isEmpty()) {
            Map<String, Long> byClock = byClock(reached.breached().stream().map(SlaBreached::clock));
            byClock.forEach((clock, n) -> meters.counter("ambiosys.sla.breached", "clock", clock).increment(n));
            log.warn("SLA breached: {} clocks (tenant {}): {}", reached.breached().size(), reached.tenantId(), byClock);
            if (log.isDebugEnabled()) {
                reached.breached().forEach(e -> log.debug("SLA {} breached for request {} (tenant {}), was due {}",
                        e.clock(), e.requestId(), e.tenantId(), e.dueAt()));
            }
        }
    }

    private static Map<String, Long> byClock(Stream<String> clocks) {
        return clocks.collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
    }
}
