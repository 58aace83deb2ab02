package com.ambiosys.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the administration API asks of users. Validated at the web edge and again here where it matters. */
public final class UserCommands {

    private UserCommands() {
    }

    /** Without a password the user is invited: an email with a link to choose one. */
    public record CreateUser(String email, String fullName, String phone, Language language, String timeZone,
            String password, List<UUID> roleIds) {
    }

    public record UpdateUser(String fullName, String phone, Language language, String timeZone, UserStatus status) {
    }

    public record SetOverrides(Set<String> grants, Set<String> revocations) {
    }
}
