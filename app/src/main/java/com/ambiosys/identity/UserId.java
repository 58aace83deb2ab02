package com.ambiosys.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A user of a tenant, as other modules name one when they ask identity (who may own, who is called what). Inside
 * a module and in its tables a user is the plain UUID; this type marks where the id crosses into identity's API. In JSON (the
 * event publication log, API bodies) it is the plain UUID text, so events stored before the type existed still read.
 */
public record UserId(@JsonValue UUID value) {

    @JsonCreator
    public UserId {
        Objects.requireNonNull(value, "a user id");
    }

    /** These plain ids (nulls and repeats left out) as identity's ids, to ask identity about them in one call. */
    public static List<UserId> all(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().map(UserId::new).toList();
    }

    /** An answer keyed by user id, keyed again by the plain ids the asking module keeps in its tables. */
    public static <V> Map<UUID, V> plain(Map<UserId, V> byUser) {
        Map<UUID, V> byId = new LinkedHashMap<>();
        byUser.forEach((id, value) -> byId.put(id.value(), value));
        return byId;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
