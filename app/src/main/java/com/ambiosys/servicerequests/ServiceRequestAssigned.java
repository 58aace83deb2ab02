package com.ambiosys.servicerequests;

import java.util.UUID;

/** A service request got a new owner sales rep ({@code method}: MANUAL, ROUND_ROBIN or CREATOR). */
public record ServiceRequestAssigned(UUID tenantId, UUID requestId, UUID fromOwner, UUID toOwner, String method) {
}
