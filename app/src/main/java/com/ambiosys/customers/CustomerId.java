package com.ambiosys.customers;

import java.util.Objects;
import java.util.UUID;

/**
 * A customer, as other modules name one when they ask the customers module (names by id, ids by name). Inside a
 * module and in its tables a customer is the plain UUID; this type marks where the id crosses into customers' API.
 */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "a customer id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
