package com.ambiosys.files;

import java.util.Optional;
import java.util.UUID;

import com.ambiosys.platform.security.CurrentUser;

/**
 * Who may see the files of a record: each module that attaches files to its records implements this for its own
 * owner type and registers it as a bean, so the files module asks the owner instead of reading its tables. A file
 * is listed, read, deleted and linked only by a user the owner's module lets see the record; an owner type no
 * module answers for is seen by nobody.
 */
public interface FileOwnerAccess {

    /** The owner type this module attaches files under, as in {@link FileManagement#attach}: {@code customer}. */
    OwnerType ownerType();

    /**
     * Whether the user may see the record {@code ownerId} of the current tenant, by the same rule the module's own
     * reads apply ({@code customers:view_all} or owning the customer, for instance). False for an id that names no
     * record of the tenant, or is not an id at all.
     */
    boolean canSee(String ownerId, CurrentUser user);

    /** The owner id as the UUID most records are keyed by; empty when it is not one. */
    static Optional<UUID> uuid(String ownerId) {
        if (ownerId == null || ownerId.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ownerId));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
