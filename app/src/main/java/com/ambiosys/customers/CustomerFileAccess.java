package com.ambiosys.customers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.files.FileOwnerAccess;
import com.ambiosys.files.OwnerType;
import com.ambiosys.platform.security.CurrentUser;

/** A customer's files (documents such as a DPI scan) are seen by whoever may see the customer. */
@Component
class CustomerFileAccess implements FileOwnerAccess {

    static final OwnerType OWNER = new OwnerType("customer");

    private final CustomerQueries queries;

    CustomerFileAccess(CustomerQueries queries) {
        this.queries = queries;
    }

    @Override
    public OwnerType ownerType() {
        return OWNER;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(String ownerId, CurrentUser user) {
        return user.can("customers:view") && FileOwnerAccess.uuid(ownerId).map(id -> queries.visible(id, user)).orElse(false);
    }
}
