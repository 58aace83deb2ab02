package com.ambiosys.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerImports.Import;
import com.ambiosys.customers.CustomerImports.ImportRow;
import com.ambiosys.customers.CustomerImports.ImportSummary;
import com.ambiosys.customers.CustomerImports.StoredRow;
import com.ambiosys.platform.tenancy.TenantContext;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's customer imports ({@code customer_imports}): their counts and their rows as JSON. */
@Component
class CustomerImportStore {

    private static final TypeReference<List<StoredRow>> ROWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CustomerImportStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPreview(UUID id, String fileName, List<StoredRow> rows, int errorRows, UUID actor) {
        jdbc.sql("""
                insert into customer_imports (tenant_id, id, file_name, status, total_rows, valid_rows, error_rows, rows,
                                              created_at, created_by)
                values (:t, :id, :name, 'PREVIEW', :total, :valid, :errors, cast(:rows as jsonb), :now, :by)
                """)
            .param("t", TenantContext.require()).param("id", id).param("name", fileName)
            .param("total", rows.size()).param("valid", rows.size() - errorRows).param("errors", errorRows)
            .param("rows", json.writeValueAsString(rows)).param("now", Timestamp.from(clock.instant()))
            .param("by", actor).update();
    }

    /** The import's status, its row locked until the transaction ends; empty when there is no such import. */
    Optional<String> lockStatus(UUID id) {
        return jdbc.sql("select status from customer_imports where tenant_id = :t and id = :id for update")
            .param("t", TenantContext.require()).param("id", id).query(String.class).optional();
    }

    void markCommitted(UUID id, int created, List<StoredRow> rows, int errorRows, UUID actor) {
        jdbc.sql("""
                update customer_imports set status = 'COMMITTED', created_count = :created, valid_rows = :valid,
                       error_rows = :errors, rows = cast(:rows as jsonb), committed_at = :now, committed_by = :by
                 where tenant_id = :t and id = :id
                """)
            .param("created", created).param("valid", rows.size() - errorRows).param("errors", errorRows)
            .param("rows", json.writeValueAsString(rows)).param("now", Timestamp.from(clock.instant()))
            .param("by", actor).param("t", TenantContext.require()).param("id", id)
            .update();
    }

    /** An import with its rows, each rendered by {@code render}. */
    Optional<Import> find(UUID id, Function<StoredRow, ImportRow> render) {
        return jdbc.sql("""
                select id, file_name, status, total_rows, valid_rows, error_rows, created_count, created_at, created_by,
                       committed_at
                  from customer_imports where tenant_id = :t and id = :id
                """).param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> new Import(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("status"),
                    rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("error_rows"),
                    (Integer) rs.getObject("created_count"), rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("created_by", UUID.class),
                    rs.getTimestamp("committed_at") == null ? null : rs.getTimestamp("committed_at").toInstant(),
                    rows(id).stream().map(render).toList()))
            .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from customer_imports where tenant_id = :t").param("t", TenantContext.require())
            .query(Long.class).single();
    }

    /** The newest first, without the names of who made them (identity gives those). */
    List<ImportSummary> page(int limit, long offset) {
        return jdbc.sql("""
                select id, file_name, status, total_rows, valid_rows, error_rows, created_count, created_at, created_by
                  from customer_imports where tenant_id = :t order by created_at desc, id desc limit :limit offset :offset
                """).param("t", TenantContext.require()).param("limit", limit).param("offset", offset)
            .query((rs, n) -> new ImportSummary(rs.getObject("id", UUID.class), rs.getString("file_name"),
                    rs.getString("status"), rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("error_rows"),
                    (Integer) rs.getObject("created_count"), rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("created_by", UUID.class), null))
            .list();
    }

    List<StoredRow> rows(UUID id) {
        String rows = jdbc.sql("select rows::text from customer_imports where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query(String.class).single();
        return json.readValue(rows, ROWS);
    }
}
