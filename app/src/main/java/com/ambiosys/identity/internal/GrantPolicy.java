package com.ambiosys.identity.internal;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.ambiosys.platform.errors.ForbiddenException;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;

/**
 * No one grants what they do not hold: whoever changes a role's permissions, a user's roles or a user's
 * per-user grants may add only permissions that they hold themselves, read from the database at the
 * moment of the change (not from a cached principal). Raising one's own rights is the same rule: what
 * one does not hold, one cannot give, to oneself included. Removing is never limited. Code that runs
 * without a signed-in user (onboarding, seeding) acts for the platform and is not limited.
 */
@Component
class GrantPolicy {

    private final PermissionStore permissions;

    GrantPolicy(PermissionStore permissions) {
        this.permissions = permissions;
    }

    /**
     * What the signed-in user holds now, to be read before a change is written: a change to the user's own
     * roles would otherwise already count as held.
     */
    Holder holder() {
        CurrentUser actor = CurrentUsers.current().orElse(null);
        return new Holder(actor == null ? null : permissions.effectivePermissions(actor.userId()));
    }

    /** The permissions someone holds; {@code null} for the platform itself, which is not limited. */
    record Holder(Set<String> held) {

        /** Refuses ({@code permission-not-held}) if the holder lacks any of {@code given}. */
        void requireHeld(Collection<String> given) {
            if (held == null) {
                return;
            }
            Set<String> missing = new TreeSet<>(given);
            missing.removeAll(held);
            if (!missing.isEmpty()) {
                throw new ForbiddenException("permission-not-held", String.join(", ", missing));
            }
        }
    }

    /** What a change gives: the permissions it adds to what the holder had, plus those named by what is new. */
    static Set<String> given(Set<String> before, Set<String> after, Collection<String> namedByWhatIsNew) {
        Set<String> given = new TreeSet<>(after);
        given.removeAll(before);
        given.addAll(namedByWhatIsNew);
        return given;
    }
}
