package com.ambiosys.customers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.files.FileOwnerAccess;
import com.ambiosys.platform.security.CurrentUser;

/** A customer's files (documents such as a DPI scan) are seen by whoever may see the customer. */
@Component
class CustomerFileAccess implements FileOwnerAccess {

    private final CustomerQueries queries;

    CustomerFileAccess(CustomerQueries queries) {
        this.queries = queries;
    }

    @Override
    public String ownerType() {
        return "customer";
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(String ownerId, CurrentUser user) {
        return user.can("customers:view") && FileOwnerAccess.uuid(ownerId).map(id -> queries.visible(id, user)).orElse(false);
    }
}
