package com.ambiosys.identity.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.ambiosys.audit.ActorNames;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;

/** The audit log's names of who acted, from the staff directory (one statement for a whole page). */
@Component
class AuditActorNames implements ActorNames {

    private final StaffDirectory staff;

    AuditActorNames(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> userIds) {
        return staff.namesOf(userIds.stream().map(UserId::new).toList()).entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
    }
}
