package com.ambiosys.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.ambiosys.identity.internal.PrincipalLoader;
import com.ambiosys.platform.security.CurrentUser;

/**
 * Who a signed-in user is now, for what outlives the request that opened it (a live stream) and must check again
 * whether it may go on: the answer the next request of theirs gets, read from the database now (or, for a
 * periodic check, as recent as what their requests see).
 */
@Service
public class ActiveUsers {

    private final PrincipalLoader principals;

    ActiveUsers(PrincipalLoader principals) {
        this.principals = principals;
    }

    /** The user with the permissions they hold now; empty when the user or their tenant is no longer active. */
    public Optional<CurrentUser> find(UUID tenantId, UUID userId) {
        return principals.reload(tenantId, userId);
    }

    /**
     * {@link #find}, as the user's requests see it: from the cache every request reads, at most
     * {@code ambiosys.security.principal-cache-ttl} (5 s) old and forgotten at once on a change made here. For a
     * periodic check of many users, where a change is told apart ({@link UserAccessChanged}) and read with
     * {@link #find}.
     */
    public Optional<CurrentUser> findRecent(UUID tenantId, UUID userId) {
        return principals.load(tenantId, userId);
    }
}
