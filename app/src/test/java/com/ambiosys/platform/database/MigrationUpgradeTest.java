package com.ambiosys.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A database made by the landed version (its versioned migrations only, as every installation has them)
 * migrates to this version and ends with the same catalog as a database made fresh: the functions and
 * triggers each module keeps as repeatable source ({@code R__<module>_*.sql}) replace what the versioned
 * migrations defined, with nothing left over and nothing missing.
 */
class MigrationUpgradeTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres upgraded;
    static EmbeddedPostgres fresh;

    @BeforeAll
    static void startTwoServers() {
        upgraded = EmbeddedPostgres.start(dir.resolve("upgraded"), true);
        fresh = EmbeddedPostgres.start(dir.resolve("fresh"), true);
        upgraded.awaitReady();
        fresh.awaitReady();
    }

    @AfterAll
    static void stopThem() {
        upgraded.stop();
        fresh.stop();
    }

    @Test
    void databaseOfTheLandedVersionMigratesToTheSameCatalogAsAFreshOne() throws Exception {
        Path landed = Files.createDirectories(dir.resolve("landed-migrations"));
        int versioned = copyVersionedMigrations(landed);
        assertThat(versioned).isGreaterThan(30);
        migrate(upgraded, "filesystem:" + landed);
        assertThat(catalog(upgraded)).as("the landed version's catalog has the functions the repeatable files replace")
            .anyMatch(row -> row.startsWith("function service_request_customers_matching"));

        migrate(upgraded, "classpath:db/migration");
        migrate(fresh, "classpath:db/migration");

        List<String> upgradedCatalog = catalog(upgraded);
        assertThat(upgradedCatalog).noneMatch(row -> row.startsWith("function service_request_customers_matching"));
        assertThat(upgradedCatalog).containsExactlyElementsOf(catalog(fresh));
    }

    /** The versioned migrations of the classpath (the repeatable ones left out), as a folder; their count. */
    private static int copyVersionedMigrations(Path target) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target.resolve(resource.getFilename()));
            }
        }
        return resources.length;
    }

    private static void migrate(EmbeddedPostgres server, String location) {
        Flyway.configure()
            .dataSource(server.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, server.ownerPassword())
            .locations(location)
            .placeholders(Map.of("appRole", EmbeddedPostgres.APP_ROLE))
            .load()
            .migrate();
    }

    /** Functions (with their definition and who may run them), triggers, columns, indexes, policies, grants. */
    private static List<String> catalog(EmbeddedPostgres server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, server.ownerPassword());
                Statement s = c.createStatement()) {
            collect(s, rows, """
                    select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
                           || md5(pg_get_functiondef(p.oid)) || ' ' || coalesce(p.proacl::text, 'default')
                      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'public'
                       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                     order by 1""");
            collect(s, rows, """
                    select 'trigger ' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
                      from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n on n.oid = r.relnamespace
                     where not t.tgisinternal and n.nspname = 'public' order by 1""");
            collect(s, rows, """
                    select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                           || ' ' || coalesce(column_default, '')
                      from information_schema.columns where table_schema = 'public'
                       and table_name <> 'flyway_schema_history' order by 1""");
            collect(s, rows, "select 'index ' || indexdef from pg_indexes where schemaname = 'public' order by 1");
            collect(s, rows, """
                    select 'policy ' || tablename || '.' || policyname || ' ' || coalesce(qual, '') || ' '
                           || coalesce(with_check, '') from pg_policies where schemaname = 'public' order by 1""");
            collect(s, rows, """
                    select 'grant ' || table_name || ' ' || grantee || ' ' || privilege_type
                      from information_schema.role_table_grants where table_schema = 'public'
                       and table_name <> 'flyway_schema_history' order by 1""");
        }
        return rows;
    }

    private static void collect(Statement s, List<String> rows, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
    }
}
