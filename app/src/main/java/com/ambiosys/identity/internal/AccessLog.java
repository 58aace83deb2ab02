package com.ambiosys.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** Logins, logouts, refreshes and failures, with IP and user agent. */
@Service
public class AccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(AccessEvent event, UUID userId, String email, ClientInfo client) {
        jdbc.sql("""
                insert into access_log (tenant_id, id, occurred_at, user_id, email, event, ip, user_agent)
                values (:t, :id, :at, :u, :email, :event, :ip, :ua)
                """)
            .param("t", TenantContext.require())
            .param("id", Ids.next())
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .param("u", userId)
            .param("email", email)
            .param("event", event.name())
            .param("ip", client.ip())
            .param("ua", client.userAgent())
            .update();
    }

    @Transactional(readOnly = true)
    public PageResponse<AccessLogEntry> find(UUID userId, AccessEvent event, Instant from, Instant to, PageQuery page) {
        String where = """
                where tenant_id = :t
                  and (cast(:u as uuid) is null or user_id = :u)
                  and (cast(:event as text) is null or event = :event)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                """;
        var count = jdbc.sql("select count(*) from access_log " + where);
        var select = jdbc.sql("select id, occurred_at, user_id, email, event, ip, user_agent from access_log " + where
                + " order by occurred_at desc, id desc limit :limit offset :offset");
        for (var spec : List.of(count, select)) {
            spec.param("t", TenantContext.require())
                .param("u", userId)
                .param("event", event == null ? null : event.name())
                .param("from", from == null ? null : java.sql.Timestamp.from(from))
                .param("to", to == null ? null : java.sql.Timestamp.from(to));
        }
        long total = count.query(Long.class).single();
        List<AccessLogEntry> items = select.param("limit", page.sizeOrDefault())
            .param("offset", page.offset())
            .query((rs, n) -> new AccessLogEntry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getObject("user_id", UUID.class), rs.getString("email"), AccessEvent.valueOf(rs.getString("event")),
                    rs.getString("ip"), rs.getString("user_agent")))
            .list();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }
}
