package com.ambiosys.servicerequests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts and logs SLA events (metrics {@code ambiosys.sla.at_risk} and {@code ambiosys.sla.breached}
 * by clock). Notifications to people will subscribe to the same events.
 */
@Component
class SlaAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlaAlerts.class);

    private final MeterRegistry meters;

    SlaAlerts(MeterRegistry meters) {
        this.meters = meters;
    }

    @ApplicationModuleListener
    void on(SlaAtRisk event) {
        meters.counter("ambiosys.sla.at_risk", "clock", event.clock()).increment();
        log.info("SLA {} at risk for request {} (tenant {}), due {}", event.clock(), event.requestId(), event.tenantId(),
                event.dueAt());
    }

    @ApplicationModuleListener
    void on(SlaBreached event) {
        meters.counter("ambiosys.sla.breached", "clock", event.clock()).increment();
        log.warn("SLA {} breached for request {} (tenant {}), was due {}", event.clock(), event.requestId(),
                event.tenantId(), event.dueAt());
    }
}
