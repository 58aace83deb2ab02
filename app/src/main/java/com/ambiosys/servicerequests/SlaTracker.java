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
    record Row(UUID id, Instant createdAt, RequestStatus status, Integer responseMinutes, Integer resolutionMinutes,
            Instant respondedAt, Instant closedAt, Status responseSla, Status resolutionSla) {

        static final String COLUMNS = "id, created_at, status, response_minutes, resolution_minutes, responded_at, closed_at,"
                + " response_sla, resolution_sla";

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                    RequestStatus.valueOf(rs.getString("status")),
                    (Integer) rs.getObject("response_minutes"), (Integer) rs.getObject("resolution_minutes"),
                    instant(rs.getTimestamp("responded_at")), instant(rs.getTimestamp("closed_at")),
                    sla(rs.getString("response_sla")), sla(rs.getString("resolution_sla")));
        }

        private static Status sla(String stored) {
            return stored == null ? null : Status.valueOf(stored);
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
                row.status() == RequestStatus.COMPLETED);
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
    static Status status(SlaClock clock, Status stored, Instant now) {
        if (clock == null) {
            return null;
        }
        return stored == Status.BREACHED ? Status.BREACHED : clock.status(now);
    }

    /** Recomputes and stores both clocks of the request at {@code now}; publishes newly reached events. */
    void apply(UUID tenantId, Row row, List<Pause> pauses, BusinessCalendar calendar, Instant now) {
        applyAll(tenantId, List.of(row), Map.of(row.id(), pauses), calendar, now);
    }

    /**
     * Recomputes and stores both clocks of each request at {@code now} with one update statement, records
     * the at-risk and breach events newly reached with one insert (a unique row per clock and event: a row
     * already there is skipped, so no event is recorded twice, even by two instances), and publishes
     * exactly the events that insert recorded, in the order of the rows (response, then resolution), as
     * one {@link SlaReached} for the whole batch.
     */
    void applyAll(UUID tenantId, List<Row> rows, Map<UUID, List<Pause>> pauses, BusinessCalendar calendar, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        Status[] responseStatus = new Status[n];
        String[] responseAtRisk = new String[n];
        String[] responseDue = new String[n];
        Status[] resolutionStatus = new Status[n];
        String[] resolutionAtRisk = new String[n];
        String[] resolutionDue = new String[n];
        List<Reached> reached = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            List<Pause> rowPauses = pauses.getOrDefault(row.id(), List.of());
            SlaClock response = response(row, rowPauses, calendar);
            SlaClock resolution = resolution(row, rowPauses, calendar);
            ids[i] = row.id();
            responseStatus[i] = status(response, row.responseSla(), now);
            responseAtRisk[i] = text(response == null ? null : response.atRiskAt());
            responseDue[i] = text(response == null ? null : response.dueAt());
            resolutionStatus[i] = status(resolution, row.resolutionSla(), now);
            resolutionAtRisk[i] = text(resolution == null ? null : resolution.atRiskAt());
            resolutionDue[i] = text(resolution == null ? null : resolution.dueAt());
            reached(reached, row.id(), "RESPONSE", responseStatus[i], response);
            reached(reached, row.id(), "RESOLUTION", resolutionStatus[i], resolution);
        }
        jdbc.sql("""
                update service_requests r set response_sla = u.rs, response_at_risk_at = u.rr, response_due_at = u.rd,
                       resolution_sla = u.ss, resolution_at_risk_at = u.sr, resolution_due_at = u.sd
                  from unnest(cast(:ids as uuid[]), cast(:rs as text[]), cast(cast(:rr as text[]) as timestamptz[]),
                              cast(cast(:rd as text[]) as timestamptz[]), cast(:ss as text[]),
                              cast(cast(:sr as text[]) as timestamptz[]), cast(cast(:sd as text[]) as timestamptz[]))
                       as u(id, rs, rr, rd, ss, sr, sd)
                 where r.tenant_id = :t and r.id = u.id
                """)
            .param("ids", ids).param("rs", names(responseStatus)).param("rr", responseAtRisk).param("rd", responseDue)
            .param("ss", names(resolutionStatus)).param("sr", resolutionAtRisk).param("sd", resolutionDue)
            .param("t", tenantId).update();
        if (reached.isEmpty()) {
            return;
        }
        java.util.Set<String> recorded = new java.util.HashSet<>(jdbc.sql("""
                insert into service_request_sla_events (tenant_id, request_id, clock, event, at)
                select :t, e.request_id, e.clock, e.event, :at
                  from unnest(cast(:requests as uuid[]), cast(:clocks as text[]), cast(:events as text[]))
                       as e(request_id, clock, event)
                on conflict do nothing
                returning request_id, clock, event
                """)
            .param("t", tenantId).param("at", Timestamp.from(now))
            .param("requests", reached.stream().map(Reached::requestId).toArray(UUID[]::new))
            .param("clocks", reached.stream().map(Reached::clock).toArray(String[]::new))
            .param("events", reached.stream().map(r -> r.event().name()).toArray(String[]::new))
            .query((rs, i) -> rs.getObject(1, UUID.class) + "/" + rs.getString(2) + "/" + rs.getString(3)).list());
        publish(tenantId, reached.stream()
            .filter(r -> recorded.contains(r.requestId() + "/" + r.clock() + "/" + r.event())).toList());
    }

    /** Publishes events just recorded (a new row each), in their order, as one {@link SlaReached}; none: nothing. */
    void publish(UUID tenantId, List<Reached> recorded) {
        List<SlaAtRisk> atRisk = new ArrayList<>();
        List<SlaBreached> breached = new ArrayList<>();
        for (Reached r : recorded) {
            if (r.event() == Status.BREACHED) {
                breached.add(new SlaBreached(tenantId, r.requestId(), r.clock(), r.dueAt()));
            }
            else {
                atRisk.add(new SlaAtRisk(tenantId, r.requestId(), r.clock(), r.dueAt()));
            }
        }
        if (!atRisk.isEmpty() || !breached.isEmpty()) {
            events.publishEvent(new SlaReached(tenantId, atRisk, breached));
        }
    }

    /** An at-risk or breach event a clock has reached (recorded and published unless it was already). */
    record Reached(UUID requestId, String clock, Status event, Instant dueAt) {
    }

    private static void reached(List<Reached> reached, UUID requestId, String clock, Status status, SlaClock sla) {
        if (status == Status.BREACHED || status == Status.AT_RISK) {
            reached.add(new Reached(requestId, clock, status, sla.dueAt()));
        }
    }

    private static String[] names(Status[] statuses) {
        return java.util.Arrays.stream(statuses).map(s -> s == null ? null : s.name()).toArray(String[]::new);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
