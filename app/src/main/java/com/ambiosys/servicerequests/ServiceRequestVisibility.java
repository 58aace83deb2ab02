package com.ambiosys.servicerequests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;

/** Without servicerequests:view_all, a user sees only the requests they own or created (and their files). */
final class ServiceRequestVisibility {

    private ServiceRequestVisibility() {
    }

    /** The condition on requests as {@code r}, with its {@code :viewer}. */
    static String visibility() {
        return " and (cast(:viewer as uuid) is null or r.owner_id = :viewer or r.created_by = :viewer)";
    }

    /** The {@code :viewer} of the current user. */
    static Map<String, Object> visibilityParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("viewer", viewer(CurrentUsers.current().orElse(null)));
        return params;
    }

    /** The {@code :viewer} of {@link #visibility()}: null for one who sees every request. */
    static UUID viewer(CurrentUser user) {
        return user == null || user.can("servicerequests:view_all") ? null : user.userId();
    }
}
