package com.ambiosys.servicerequests;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA target ({@code clock}: RESPONSE or RESOLUTION) was missed; published once per clock, inside a
 * {@link SlaReached}.
 */
public record SlaBreached(UUID tenantId, UUID requestId, String clock, Instant dueAt) {
}
