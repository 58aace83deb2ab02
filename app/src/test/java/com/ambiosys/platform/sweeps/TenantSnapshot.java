package com.ambiosys.platform.sweeps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * What a tenant has stored: the row count and a checksum of every row of every tenant table (each
 * table with a {@code tenant_id} column, listed from the catalog), read as the schema owner so that
 * row-level security does not hide anything. Two snapshots that differ mean a request changed data.
 */
final class TenantSnapshot implements AutoCloseable {

    /**
     * Tables that change on requests that are refused, so they cannot tell "nothing changed". Keep short.
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "api_usage_log", "every request is counted, refused ones too (written asynchronously by the usage log)",
            "access_log", "sign-ins and refused sign-ins are the access log's purpose");

    private final Connection owner;
    private final List<String> tables;
    private final String sql;

    TenantSnapshot(Environment env) {
        try {
            owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                    env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
            tables = new ArrayList<>();
            try (PreparedStatement ps = owner.prepareStatement("""
                    select c.relname from pg_class c
                      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                     where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 1
                    """); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!EXCLUDED.containsKey(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            parts.add("select '" + table + "', count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                    + " from " + table + " t where tenant_id = ?");
        }
        sql = String.join("\nunion all ", parts);
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    /** Each tenant table's "rows:checksum" for the tenant. */
    Map<String, String> of(UUID tenant) {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = owner.prepareStatement(sql)) {
            for (int i = 1; i <= tables.size(); i++) {
                ps.setObject(i, tenant);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return out;
    }

    /** Both tenants' snapshots, keyed by tenant. */
    Map<UUID, Map<String, String>> of(Set<UUID> tenants) {
        Map<UUID, Map<String, String>> out = new LinkedHashMap<>();
        tenants.forEach(t -> out.put(t, of(t)));
        return out;
    }

    /** The tables whose rows differ between two snapshots of one tenant, empty when nothing changed. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return changed(before, after, Set.of());
    }

    /** As {@link #changed(Map, Map)}, comparing only the number of rows of the tables in {@code countOnly}. */
    static List<String> changed(Map<String, String> before, Map<String, String> after, Set<String> countOnly) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, state) -> {
            String now = after.get(table);
            boolean differs = countOnly.contains(table) ? !state.substring(0, state.indexOf(':')).equals(now.substring(0, now.indexOf(':')))
                    : !state.equals(now);
            if (differs) {
                changed.add(table + " (" + state.substring(0, state.indexOf(':')) + " -> "
                        + after.get(table).substring(0, after.get(table).indexOf(':')) + " rows)");
            }
        });
        return changed;
    }

    /**
     * Waits (at most 5 s) until the events published in the last 10 s have been handled, so that what
     * asynchronous listeners do after a request's answer is done before the next snapshot. Older
     * incomplete publications (a listener that failed for good in another test) are not waited for.
     */
    void settle() {
        try (PreparedStatement ps = owner.prepareStatement("""
                select count(*) from event_publication
                 where completion_date is null and publication_date > now() - interval '10 seconds'
                """)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            owner.close();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
