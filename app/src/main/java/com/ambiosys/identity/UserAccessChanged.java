package com.ambiosys.identity;

import java.util.UUID;

/**
 * A user's standing changed (status, roles or permissions: what their permission version tracks). Published on
 * the instance that made the change, once it is committed, so that whatever holds a long-lived session of the user
 * (the inbox's live stream) checks it again at once instead of at its next periodic check. Every instance hears
 * of it too: the committing transaction sends {@code NOTIFY} on {@link #CHANNEL} with {@code <tenant id>:<user id>}
 * (ids only), delivered by PostgreSQL when it commits.
 */
public record UserAccessChanged(UUID tenantId, UserId userId) {

    /** The PostgreSQL notification channel every instance may {@code LISTEN} on. */
    public static final String CHANNEL = "identity_access";

    /** The change a notification on {@link #CHANNEL} names; empty if it names none. */
    public static java.util.Optional<UserAccessChanged> parse(String payload) {
        String[] ids = payload == null ? new String[0] : payload.split(":");
        try {
            return ids.length == 2 ? java.util.Optional.of(new UserAccessChanged(UUID.fromString(ids[0]),
                    new UserId(UUID.fromString(ids[1])))) : java.util.Optional.empty();
        }
        catch (IllegalArgumentException ex) {
            return java.util.Optional.empty();
        }
    }
}
