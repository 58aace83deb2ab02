package com.ambiosys.customers;

/**
 * Whether a customer may be served: active or blocked. A deleted customer is gone from every view (its
 * records keep naming it), so deleting is its own command, not a status one sets. The API's and the table's words.
 */
public enum CustomerStatus {
    ACTIVE, BLOCKED
}
