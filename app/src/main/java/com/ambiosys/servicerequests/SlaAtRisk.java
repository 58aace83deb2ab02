package com.ambiosys.servicerequests;

import java.time.Instant;
import java.util.UUID;

/**
 * 80 % of an SLA target ({@code clock}: RESPONSE or RESOLUTION) has passed; published once per clock, inside a
 * {@link SlaReached}.
 */
public record SlaAtRisk(UUID tenantId, UUID requestId, String clock, Instant dueAt) {
}
