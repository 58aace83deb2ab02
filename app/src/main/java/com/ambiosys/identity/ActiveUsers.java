package com.ambiosys.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.ambiosys.identity.internal.PrincipalLoader;
import com.ambiosys.platform.security.CurrentUser;

/**
 * Who a signed-in user is now, for what outlives the request that opened it (a live stream) and must check again
 * whether it may go on: the answer the next request of theirs gets, read from the database now.
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
}
