package com.ambiosys.customers;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer, as other modules name one when they ask the customers module (names by id, ids by name). Inside a
 * module and in its tables a customer is the plain UUID; this type marks where the id crosses into customers' API. In JSON (the event publication log, API bodies)
 * it is the plain UUID text, so events stored before the type existed still read.
 */
public record CustomerId(@JsonValue UUID value) {

    @JsonCreator
    public CustomerId {
        Objects.requireNonNull(value, "a customer id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
