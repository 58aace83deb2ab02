package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.Country;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Each service type's round robin over one country's reps, its cursor kept per tenant, type and country: one
 * cursor shared by the countries would starve reps (GT a, b and SV c on alternating requests: a, c, a, c).
 */
@Component
class RoundRobin {

    private final JdbcClient jdbc;
    private final Clock clock;

    RoundRobin(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The next of these reps (any order) after the last one this type's round robin in this country chose, in id
     * order; null when there is none.
     */
    UUID next(UUID serviceTypeId, Country country, List<UUID> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<UUID> reps = candidates.stream().distinct().sorted().toList();
        UUID tenant = TenantContext.require();
        jdbc.sql("""
                insert into round_robin_cursors (tenant_id, service_type_id, country, last_user_id, updated_at)
                values (:t, :type, :country, null, :now) on conflict do nothing
                """).param("t", tenant).param("type", serviceTypeId).param("country", country.name())
            .param("now", Timestamp.from(clock.instant())).update();
        UUID last = jdbc.sql("""
                select last_user_id from round_robin_cursors
                 where tenant_id = :t and service_type_id = :type and country = :country for update
                """).param("t", tenant).param("type", serviceTypeId).param("country", country.name())
            .query((rs, n) -> rs.getObject(1, UUID.class)).list().get(0);
        UUID next = reps.get(0);
        for (UUID rep : reps) {
            if (last != null && rep.compareTo(last) > 0) {
                next = rep;
                break;
            }
        }
        jdbc.sql("""
                update round_robin_cursors set last_user_id = :u, updated_at = :now
                 where tenant_id = :t and service_type_id = :type and country = :country
                """).param("u", next).param("now", Timestamp.from(clock.instant())).param("t", tenant)
            .param("type", serviceTypeId).param("country", country.name()).update();
        return next;
    }
}
