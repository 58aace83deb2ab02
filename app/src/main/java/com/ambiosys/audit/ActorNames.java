package com.ambiosys.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names the people who made the changes in the audit log, so that it says who and not only an id. Identity
 * provides it: identity records its own changes here, so the audit module cannot ask identity itself without a
 * cycle between the two. Without a provider the log keeps the ids alone.
 */
public interface ActorNames {

    /** The full names of these users of the current tenant, active or not, by id; unknown ids are left out. */
    Map<UUID, String> namesOf(Collection<UUID> userIds);
}
