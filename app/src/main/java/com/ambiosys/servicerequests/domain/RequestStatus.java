package com.ambiosys.servicerequests.domain;

/** Where a service request stands. */
public enum RequestStatus {
    NEW, IN_REVIEW,
    /** Waiting for a manager's approval before it is quoted (only when the tenant requires it). */
    PENDING_APPROVAL, QUOTED, ACCEPTED, SCHEDULED, IN_PROGRESS,
    /** Waiting on the customer: the SLA clocks are paused. */
    WAITING_ON_CUSTOMER, COMPLETED, CANCELLED, LOST;

    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED && this != LOST;
    }
}
