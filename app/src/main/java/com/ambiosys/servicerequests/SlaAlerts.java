package com.ambiosys.servicerequests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts and logs SLA events (metrics {@code ambiosys.sla.at_risk} and {@code ambiosys.sla.breached}
 * by clock). Notifications to people will subscribe to the same events ({@link SlaReached}: a batch of them).
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
        reached.atRisk().forEach(this::atRisk);
        reached.breached().forEach(this::breached);
    }

    private void atRisk(SlaAtRisk event) {
        meters.counter("ambiosys.sla.at_risk", "clock", event.clock()).increment();
        log.info("SLA {} at risk for request {} (tenant {}), due {}", event.clock(), event.requestId(), event.tenantId(),
                event.dueAt());
    }

    private void breached(SlaBreached event) {
        meters.counter("ambiosys.sla.breached", "clock", event.clock()).increment();
        log.warn("SLA {} breached for request {} (tenant {}), was due {}", event.clock(), event.requestId(),
                event.tenantId(), event.dueAt());
    }
}
