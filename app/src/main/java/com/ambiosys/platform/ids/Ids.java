package com.ambiosys.platform.ids;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** New identifiers: UUID version 7, so keys are time-ordered and ids in URLs reveal no counts. */
public final class Ids {

    private Ids() {
    }

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
