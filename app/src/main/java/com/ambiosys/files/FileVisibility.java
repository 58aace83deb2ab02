package com.ambiosys.files;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;

/**
 * Whether the current user may see a file: a file follows the visibility of the record it belongs to, as that
 * record's module answers through its {@link FileOwnerAccess}. A file not yet given an owner id is its uploader's.
 * Work done on no user's behalf (a job, a webhook, a signed link) is not limited here.
 */
@Component
class FileVisibility {

    private final Map<String, FileOwnerAccess> owners;

    FileVisibility(List<FileOwnerAccess> owners) {
        this.owners = owners.stream().collect(Collectors.toUnmodifiableMap(owner -> owner.ownerType().name(),
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two modules answer for the files of " + a.ownerType() + ": "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }));
    }

    boolean canSee(StoredFile file) {
        Optional<CurrentUser> user = CurrentUsers.current();
        if (user.isEmpty()) {
            return true;
        }
        if (file.ownerId() == null) {
            return user.get().userId().equals(file.createdBy());
        }
        return canSeeOwner(file.ownerType(), file.ownerId(), user.get());
    }

    /** Whether the current user (if any) may see the record: a file may name as its owner only a record one sees. */
    boolean canSeeOwner(OwnerType ownerType, String ownerId) {
        return CurrentUsers.current().map(user -> canSeeOwner(ownerType.name(), ownerId, user)).orElse(true);
    }

    private boolean canSeeOwner(String ownerType, String ownerId, CurrentUser user) {
        FileOwnerAccess owner = owners.get(ownerType);
        return owner != null && owner.canSee(ownerId, user);
    }
}
