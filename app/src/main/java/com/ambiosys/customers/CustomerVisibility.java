package com.ambiosys.customers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;

/** Without customers:view_all, a user sees only the customers they own (the files of a customer too). */
final class CustomerVisibility {

    private CustomerVisibility() {
    }

    /** The condition over {@code customers c}, with its {@code :viewer} parameter. */
    static String visibility() {
        return " and (cast(:viewer as uuid) is null or c.owner_id = :viewer)";
    }

    /** The {@code :viewer} of {@link #visibility()} for the current user. */
    static Map<String, Object> visibilityParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("viewer", viewer(CurrentUsers.current().orElse(null)));
        return params;
    }

    /** The {@code :viewer} of {@link #visibility()}: null for one who sees every customer. */
    static UUID viewer(CurrentUser user) {
        return user == null || user.can("customers:view_all") ? null : user.userId();
    }
}
