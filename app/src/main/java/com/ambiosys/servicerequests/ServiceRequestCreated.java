package com.ambiosys.servicerequests;

import java.util.UUID;

/** A service request was created (published through the event publication registry). */
public record ServiceRequestCreated(UUID tenantId, UUID requestId, String number, UUID customerId, UUID serviceTypeId,
        UUID ownerId, RequestChannel channel) {
}
