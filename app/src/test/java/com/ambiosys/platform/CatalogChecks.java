package com.ambiosys.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks TenantIsolationTest runs over the database catalog, one schema at a time, so that the test can
 * run them on a throwaway schema (the session's temporary one) to prove they catch what they are meant to.
 */
final class CatalogChecks {

    /** The one expression a policy may use: the row's tenant is the transaction's (no tenant set: no rows). */
    static final String TENANT_BOUND = "(tenant_id=(NULLIF(current_setting('app.tenant_id'::text,true),''::text))::uuid)";

    private static final Pattern READS_TENANT = Pattern.compile("current_setting\\s*\\(\\s*'app\\.tenant_id'");

    private CatalogChecks() {
    }

    /**
     * What is wrong with the row-level-security policies of the schema's tables, one line per fault: a
     * USING expression other than {@link #TENANT_BOUND} (true, another column, a widened comparison), or a
     * WITH CHECK that is missing or different on a policy for writes to a table the current role may write.
     */
    static List<String> policyFaults(Connection c, String schema) throws SQLException {
        List<String> faults = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select tablename, policyname, cmd, qual, with_check,
                       has_table_privilege(format('%I.%I', schemaname, tablename), 'INSERT')
                       or has_table_privilege(format('%I.%I', schemaname, tablename), 'UPDATE')
                  from pg_policies where schemaname = ? order by tablename, policyname
                """)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String policy = rs.getString(1) + "." + rs.getString(2);
                    String cmd = rs.getString(3);
                    boolean writable = rs.getBoolean(6);
                    if (!cmd.equals("INSERT") && !isTenantBound(rs.getString(4))) {
                        faults.add(policy + " using " + rs.getString(4));
                    }
                    if (Set.of("ALL", "INSERT", "UPDATE").contains(cmd) && writable && !isTenantBound(rs.getString(5))) {
                        faults.add(policy + " with check " + rs.getString(5));
                    }
                }
            }
        }
        return faults;
    }

    private static boolean isTenantBound(String expression) {
        return expression != null && expression.replaceAll("\\s+", "").equals(TENANT_BOUND);
    }

    /** The schema's SECURITY DEFINER functions whose source does not read app.tenant_id and are not allowed. */
    static List<String> definerFaults(Connection c, String schema, Set<String> allowed) throws SQLException {
        List<String> faults = new ArrayList<>();
        for (Definer f : definers(c, schema)) {
            if (!READS_TENANT.matcher(f.source()).find() && !allowed.contains(f.name())) {
                faults.add(f.name());
            }
        }
        return faults;
    }

    record Definer(String name, String source) {
    }

    static List<Definer> definers(Connection c, String schema) throws SQLException {
        List<Definer> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where p.prosecdef and n.nspname = ? order by p.proname
                """)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Definer(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return found;
    }
}
