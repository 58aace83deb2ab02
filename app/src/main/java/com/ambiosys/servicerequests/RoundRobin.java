package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.StaffDirectory.StaffMember;
import com.ambiosys.platform.tenancy.TenantContext;

/** Each service type's round robin over the active sales reps, its cursor kept per tenant and type. */
@Component
class RoundRobin {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StaffDirectory staff;

    RoundRobin(JdbcClient jdbc, Clock clock, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
    }

    /** The next active sales rep after the last one this type's round robin chose; null when there is none. */
    UUID next(UUID serviceTypeId) {
        List<StaffMember> reps = staff.activeWithRole("SALES");
        if (reps.isEmpty()) {
            return null;
        }
        UUID tenant = TenantContext.require();
        jdbc.sql("""
                insert into round_robin_cursors (tenant_id, service_type_id, last_user_id, updated_at)
                values (:t, :type, null, :now) on conflict do nothing
                """).param("t", tenant).param("type", serviceTypeId).param("now", Timestamp.from(clock.instant())).update();
        UUID last = jdbc.sql("select last_user_id from round_robin_cursors where tenant_id = :t and service_type_id = :type for update")
            .param("t", tenant).param("type", serviceTypeId).query((rs, n) -> rs.getObject(1, UUID.class)).list().get(0);
        UUID next = reps.get(0).id().value();
        for (StaffMember rep : reps) {
            if (last != null && rep.id().value().compareTo(last) > 0) {
                next = rep.id().value();
                break;
            }
        }
        jdbc.sql("update round_robin_cursors set last_user_id = :u, updated_at = :now where tenant_id = :t and service_type_id = :type")
            .param("u", next).param("now", Timestamp.from(clock.instant())).param("t", tenant).param("type", serviceTypeId)
            .update();
        return next;
    }
}
