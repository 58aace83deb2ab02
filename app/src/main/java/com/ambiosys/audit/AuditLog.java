package com.ambiosys.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log of the current tenant, newest first. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectProvider<ActorNames> actorNames;

    AuditLog(JdbcClient jdbc, JsonMapper json, ObjectProvider<ActorNames> actorNames) {
        this.jdbc = jdbc;
        this.json = json;
        this.actorNames = actorNames;
    }

    @Transactional(readOnly = true)
    public PageResponse<AuditEntry> find(AuditQuery query, PageQuery page) {
        String where = """
                where (cast(:type as text) is null or entity_type = :type)
                  and (cast(:entityId as text) is null or entity_id = :entityId)
                  and (cast(:actor as uuid) is null or actor_id = :actor)
                  and (cast(:action as text) is null or action = :action)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                """;
        var count = jdbc.sql("select count(*) from audit_log " + where);
        var select = jdbc.sql("""
                select id, occurred_at, actor_id, action, entity_type, entity_id, summary, before, after, changes, request_id
                  from audit_log
                """ + where + " order by occurred_at desc, id desc limit :limit offset :offset");
        for (var spec : List.of(count, select)) {
            spec.param("type", query.entityType())
                .param("entityId", query.entityId())
                .param("actor", query.actorId())
                .param("action", query.action() == null ? null : query.action().name())
                .param("from", query.from() == null ? null : java.sql.Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : java.sql.Timestamp.from(query.to()));
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = select.param("limit", page.sizeOrDefault())
            .param("offset", page.offset())
            .query(this::map)
            .list();
        return new PageResponse<>(named(items), page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    /** The entries with the names of who made them, looked up once for the whole page. */
    private List<AuditEntry> named(List<AuditEntry> entries) {
        ActorNames names = actorNames.getIfAvailable();
        Set<UUID> actors = entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (names == null || actors.isEmpty()) {
            return entries;
        }
        Map<UUID, String> found = names.namesOf(actors);
        return entries.stream().map(e -> e.named(found)).toList();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class), null, AuditAction.valueOf(rs.getString("action")),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
                parse(rs.getString("before")), parse(rs.getString("after")), parse(rs.getString("changes")),
                rs.getString("request_id"));
    }

    private Object parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
