package com.ambiosys.servicerequests;

/**
 * How urgent a service request is (NORMAL unless given); SLA policies may apply to one priority only. The names
 * are the API's and the table's words, in rising urgency.
 */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
