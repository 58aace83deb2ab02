package com.ambiosys.servicerequests;

import java.util.UUID;

/** A service request moved from one state of its workflow to another. */
public record ServiceRequestStatusChanged(UUID tenantId, UUID requestId, String from, String to, UUID actorId,
        String comment) {
}
