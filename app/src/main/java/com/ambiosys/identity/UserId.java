package com.ambiosys.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * A user of a tenant, as other modules name one when they ask identity (who may own, who is called what). Inside
 * a module and in its tables a user is the plain UUID; this type marks where the id crosses into identity's API.
 */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "a user id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
