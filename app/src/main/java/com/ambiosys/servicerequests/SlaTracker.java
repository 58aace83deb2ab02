package com.ambiosys.servicerequests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;
import com.ambiosys.servicerequests.domain.SlaClock.Pause;
import com.ambiosys.servicerequests.domain.SlaClock.Status;

/**
 * Keeps the stored SLA fields of requests in step with their clocks: the at-risk and due instants the
 * SLA job watches, and the status. Records and publishes {@link SlaAtRisk} and {@link SlaBreached} at
 * most once per clock (a unique row per event). Works inside the caller's tenant transaction.
 */
@Component
class SlaTracker {

    /** The SLA-relevant columns of one request. */
    record Row(UUID id, Instant createdAt, String status, Integer responseMinutes, Integer resolutionMinutes,
            Instant respondedAt, Instant closedAt, String responseSla, String resolutionSla) {

        static final String COLUMNS = "id, created_at, status, response_minutes, resolution_minutes, responded_at, closed_at,"
                + " response_sla, resolution_sla";

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
                    (Integer) rs.getObject("response_minutes"), (Integer) rs.getObject("resolution_minutes"),
                    instant(rs.getTimestamp("responded_at")), instant(rs.getTimestamp("closed_at")),
                    rs.getString("response_sla"), rs.getString("resolution_sla"));
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SlaTracker(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    SlaClock response(Row row, List<Pause> pauses, BusinessCalendar calendar) {
        if (row.responseMinutes() == null) {
            return null;
        }
        Instant stopped = row.respondedAt() != null ? row.respondedAt() : row.closedAt();
        return new SlaClock(calendar, row.createdAt(), Duration.ofMinutes(row.responseMinutes()), pauses, stopped,
                row.respondedAt() != null);
    }

    SlaClock resolution(Row row, List<Pause> pauses, BusinessCalendar calendar) {
        if (row.resolutionMinutes() == null) {
            return null;
        }
        return new SlaClock(calendar, row.createdAt(), Duration.ofMinutes(row.resolutionMinutes()), pauses, row.closedAt(),
                RequestStatus.COMPLETED.name().equals(row.status()));
    }

    List<Pause> pauses(UUID requestId) {
        return pauses(List.of(requestId)).getOrDefault(requestId, List.of());
    }

    Map<UUID, List<Pause>> pauses(Collection<UUID> requestIds) {
        Map<UUID, List<Pause>> byRequest = new HashMap<>();
        if (requestIds.isEmpty()) {
            return byRequest;
        }
        jdbc.sql("""
                select request_id, paused_at, resumed_at from service_request_pauses
                 where tenant_id = :t and request_id = any(cast(:ids as uuid[])) order by paused_at
                """).param("t", TenantContext.require()).param("ids", requestIds.toArray(UUID[]::new))
            .query((ResultSet rs) -> {
                byRequest.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Pause(rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3))));
            });
        return byRequest;
    }

    /** The status a clock shows at {@code now}; a stored breach stays a breach. */
    static String status(SlaClock clock, String stored, Instant now) {
        if (clock == null) {
            return null;
        }
        return "BREACHED".equals(stored) ? "BREACHED" : clock.status(now).name();
    }

    /** Recomputes and stores both clocks of the request at {@code now}; publishes newly reached events. */
    void apply(UUID tenantId, Row row, List<Pause> pauses, BusinessCalendar calendar, Instant now) {
        SlaClock response = response(row, pauses, calendar);
        SlaClock resolution = resolution(row, pauses, calendar);
        String responseStatus = status(response, row.responseSla(), now);
        String resolutionStatus = status(resolution, row.resolutionSla(), now);
        jdbc.sql("""
                update service_requests set response_sla = :rs, response_at_risk_at = :rr, response_due_at = :rd,
                       resolution_sla = :ss, resolution_at_risk_at = :sr, resolution_due_at = :sd
                 where tenant_id = :t and id = :id
                """)
            .param("rs", responseStatus).param("rr", timestamp(response == null ? null : response.atRiskAt()))
            .param("rd", timestamp(response == null ? null : response.dueAt()))
            .param("ss", resolutionStatus).param("sr", timestamp(resolution == null ? null : resolution.atRiskAt()))
            .param("sd", timestamp(resolution == null ? null : resolution.dueAt()))
            .param("t", tenantId).param("id", row.id()).update();
        announce(tenantId, row.id(), "RESPONSE", responseStatus, response, now);
        announce(tenantId, row.id(), "RESOLUTION", resolutionStatus, resolution, now);
    }

    private void announce(UUID tenantId, UUID requestId, String clock, String status, SlaClock sla, Instant now) {
        if (!Status.BREACHED.name().equals(status) && !Status.AT_RISK.name().equals(status)) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into service_request_sla_events (tenant_id, request_id, clock, event, at)
                values (:t, :r, :clock, :event, :at) on conflict do nothing
                """)
            .param("t", tenantId).param("r", requestId).param("clock", clock).param("event", status)
            .param("at", Timestamp.from(now)).update();
        if (inserted == 1) {
            events.publishEvent(Status.BREACHED.name().equals(status)
                    ? new SlaBreached(tenantId, requestId, clock, sla.dueAt())
                    : new SlaAtRisk(tenantId, requestId, clock, sla.dueAt()));
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
