package com.ambiosys.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/**
 * Canned responses: text an agent inserts by its short code ({@code /saludo}). The body may contain
 * {@code {{nombre}}}, which the composer replaces with the contact's name. Short codes are unique per tenant.
 */
@Service
public class CannedResponses {

    public record CannedResponse(UUID id, String shortCode, String title, String body, Instant updatedAt) {
    }

    public record Draft(String shortCode, String title, String body) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CannedResponses(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code q} matches the start of the short code, or the title or body anywhere, ignoring accents and case. */
    @Transactional(readOnly = true)
    public PageResponse<CannedResponse> list(String q, PageQuery page) {
        String query = q == null || q.isBlank() ? null : q.trim().replaceFirst("^/", "");
        String where = """
                 where tenant_id = :t and (cast(:q as text) is null
                       or short_code like lower(f_unaccent(:q)) || '%'
                       or lower(f_unaccent(title)) like '%' || lower(f_unaccent(:q)) || '%'
                       or lower(f_unaccent(body)) like '%' || lower(f_unaccent(:q)) || '%')
                """;
        UUID tenant = TenantContext.require();
        long total = jdbc.sql("select count(*) from inbox_canned_responses" + where).param("t", tenant).param("q", query)
            .query(Long.class).single();
        List<CannedResponse> items = jdbc.sql(SELECT + where + """
                 order by (short_code like lower(f_unaccent(coalesce(:q, ''))) || '%') desc, short_code
                 limit :limit offset :offset
                """).param("t", tenant).param("q", query).param("limit", page.sizeOrDefault())
            .param("offset", page.offset()).query((rs, n) -> map(rs)).list();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    @Transactional(readOnly = true)
    public CannedResponse get(UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id").param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("canned-response"));
    }

    @Transactional
    public CannedResponse create(Draft draft) {
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into inbox_canned_responses (tenant_id, id, short_code, title, body, created_at, updated_at, updated_by)
                    values (:t, :id, :code, :title, :body, :now, :now, :by)
                    """).param("t", TenantContext.require()).param("id", id).param("code", draft.shortCode())
                .param("title", draft.title().trim()).param("body", draft.body()).param("now", now).param("by", actor())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("short-code-taken", draft.shortCode());
        }
        CannedResponse created = get(id);
        audit.record(AuditAction.CREATE, "canned_response", id, null, created);
        return created;
    }

    @Transactional
    public CannedResponse update(UUID id, Draft draft) {
        CannedResponse before = get(id);
        try {
            jdbc.sql("""
                    update inbox_canned_responses set short_code = :code, title = :title, body = :body, updated_at = :now,
                           updated_by = :by
                     where tenant_id = :t and id = :id
                    """).param("code", draft.shortCode()).param("title", draft.title().trim()).param("body", draft.body())
                .param("now", Timestamp.from(clock.instant())).param("by", actor()).param("t", TenantContext.require())
                .param("id", id).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("short-code-taken", draft.shortCode());
        }
        CannedResponse after = get(id);
        audit.record(AuditAction.UPDATE, "canned_response", id, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        CannedResponse before = get(id);
        jdbc.sql("delete from inbox_canned_responses where tenant_id = :t and id = :id").param("t", TenantContext.require())
            .param("id", id).update();
        audit.record(AuditAction.DELETE, "canned_response", id, before, null);
    }

    private static UUID actor() {
        return CurrentUsers.current().map(u -> u.userId()).orElse(null);
    }

    private static final String SELECT = "select id, short_code, title, body, updated_at from inbox_canned_responses";

    private static CannedResponse map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CannedResponse(rs.getObject("id", UUID.class), rs.getString("short_code"), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("updated_at").toInstant());
    }
}
