package com.ambiosys.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up whether the simulator is on, and why, so an operator never runs it unknowingly. */
@Component
class SimulatorStatus {

    private static final Logger log = LoggerFactory.getLogger(SimulatorStatus.class);

    private final boolean enabled;
    private final boolean byDefault;

    SimulatorStatus(@Value("${ambiosys.simulator.enabled:false}") boolean enabled,
            @Value("${ambiosys.simulator.enabled-by-default:false}") boolean byDefault) {
        this.enabled = enabled;
        this.byDefault = byDefault;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String why = byDefault ? (enabled ? "the default with the embedded database" : "the default with an external database")
                : "set by AMBIOSYS_SIMULATOR_ENABLED";
        if (enabled) {
            log.warn("WhatsApp simulator ON ({}): its Graph endpoints under /simulator answer without a user; "
                    + "set AMBIOSYS_SIMULATOR_ENABLED=false in production", why);
        }
        else {
            log.info("WhatsApp simulator off ({})", why);
        }
    }
}
