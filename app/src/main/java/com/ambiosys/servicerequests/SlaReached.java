package com.ambiosys.servicerequests;

import com.ambiosys.platform.tenancy.TenantScoped;

import java.util.List;
import java.util.UUID;

/**
 * The SLA events one batch of the SLA job (or one change of a request) recorded: each {@link SlaAtRisk}
 * and {@link SlaBreached} is in exactly one of these, once. Published per batch rather than per event:
 * every published event costs a row in the event publication registry and a transaction per listener,
 * which made a burst of 20 000 due clocks take tens of seconds (docs/performance-history.md).
 */
public record SlaReached(UUID tenantId, List<SlaAtRisk> atRisk, List<SlaBreached> breached) implements TenantScoped {

    public SlaReached {
        atRisk = List.copyOf(atRisk);
        breached = List.copyOf(breached);
    }
}
