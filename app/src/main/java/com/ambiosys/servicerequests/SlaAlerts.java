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
            log.info("SLA at risk: {} clocks (tenant {}): {}", reached.atRisk().size(), reached.tenantId(),
                    count("ambiosys.sla.at_risk", reached.atRisk().stream().map(SlaAtRisk::clock)));
            if (log.isDebugEnabled()) {
                reached.atRisk().forEach(e -> log.debug("SLA {} at risk for request {} (tenant {}), due {}", e.clock(),
                        e.requestId(), e.tenantId(), e.dueAt()));
            }
        }
        if (!reached.breached().isEmpty()) {
            log.warn("SLA breached: {} clocks (tenant {}): {}", reached.breached().size(), reached.tenantId(),
                    count("ambiosys.sla.breached", reached.breached().stream().map(SlaBreached::clock)));
            if (log.isDebugEnabled()) {
                reached.breached().forEach(e -> log.debug("SLA {} breached for request {} (tenant {}), was due {}",
                        e.clock(), e.requestId(), e.tenantId(), e.dueAt()));
            }
        }
    }

    /** Adds the events to the meter, by clock (one increment per clock); answers the counts by clock. */
    private Map<String, Long> count(String meter, Stream<String> clocks) {
        Map<String, Long> byClock = clocks.collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        byClock.forEach((clock, n) -> meters.counter(meter, "clock", clock).increment(n));
        return byClock;
    }
}
