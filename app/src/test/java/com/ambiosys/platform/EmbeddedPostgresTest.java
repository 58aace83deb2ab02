package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ambiosys.platform.database.EmbeddedPostgres;

/**
 * The embedded server keeps its data across a stop and a start, makes its two roles, takes its cache size at every
 * start and runs pg_prewarm's worker.
 */
class EmbeddedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("postgres");
        assertThatThrownBy(() -> EmbeddedPostgres.start(data, false, "mucho")).isInstanceOf(IllegalArgumentException.class);
        EmbeddedPostgres first = EmbeddedPostgres.start(data, false, "160MB").awaitReady();
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, first.ownerPassword());
                Statement st = c.createStatement()) {
            st.execute("create table kept (v text)");
            st.execute("insert into kept values ('sigue aquí')");
            assertThat(value(st, "show shared_buffers")).isEqualTo("160MB");
        }
        first.stop();
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        // pg_prewarm's worker saved the cached pages at the stop, to load them at the next start
        assertThat(Files.exists(data.resolve("autoprewarm.blocks"))).isTrue();

        EmbeddedPostgres second = EmbeddedPostgres.start(data, false).awaitReady();
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, second.ownerPassword());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("sigue aquí");
        }
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, second.ownerPassword());
                Statement st = c.createStatement()) {
            assertThat(value(st, "show shared_buffers")).isEqualTo(EmbeddedPostgres.DEFAULT_SHARED_BUFFERS);
            assertThat(value(st, "show wal_init_zero")).isEqualTo("off");
        }
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgres.APP_ROLE, second.appPassword());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
        }
        second.stop();
    }

    private static String value(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
