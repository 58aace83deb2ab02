package com.ambiosys.platform.database;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database role that would switch row-level security off without a word: a superuser,
 * a role with {@code BYPASSRLS}, or the owner of a table (owners are exempt from their tables' policies
 * unless forced; a single-role setup is exactly that). Runs once the migrations have, so the check sees the
 * tables as they are.
 */
@Component
class DatabaseRoleCheck {

    DatabaseRoleCheck(JdbcClient jdbc, ObjectProvider<FlywayMigrationInitializer> migrated) {
        migrated.ifAvailable(initializer -> { }); // after the migrations: they may create tables this role owns
        List<String> wrong = problems(jdbc);
        if (!wrong.isEmpty()) {
            String role = jdbc.sql("select current_user").query(String.class).single();
            throw new IllegalStateException("The application's database role \"" + role + "\" " + String.join("; ", wrong)
                    + ". Row-level security, which keeps tenants apart, would not apply to it. Connect as a role that is "
                    + "no superuser, has NOBYPASSRLS and owns no table (AMBIOSYS_DB_USER), and run migrations as the "
                    + "owner role (AMBIOSYS_DB_OWNER_USER); see docs/operations.md.");
        }
    }

    static List<String> problems(JdbcClient jdbc) {
        List<String> wrong = new ArrayList<>();
        jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user").query((rs, n) -> {
            if (rs.getBoolean("rolsuper")) {
                wrong.add("is a superuser (ALTER ROLE ... NOSUPERUSER)");
            }
            if (rs.getBoolean("rolbypassrls")) {
                wrong.add("has BYPASSRLS (ALTER ROLE ... NOBYPASSRLS)");
            }
            return null;
        }).list();
        long owned = jdbc.sql("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relowner = (select oid from pg_roles where rolname = current_user)
                   and c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                """).query(Long.class).single();
        if (owned > 0) {
            wrong.add("owns " + owned + " table(s) (give them to the owner role with ALTER TABLE ... OWNER TO)");
        }
        return wrong;
    }
}
