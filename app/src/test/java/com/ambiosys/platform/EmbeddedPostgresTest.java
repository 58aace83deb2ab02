package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ambiosys.platform.database.EmbeddedPostgres;

/** The embedded server keeps its data across a stop and a start, and makes its two roles. */
class EmbeddedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("postgres");
        EmbeddedPostgres first = EmbeddedPostgres.start(data, false).awaitReady();
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, first.ownerPassword());
                Statement st = c.createStatement()) {
            st.execute("create table kept (v text)");
            st.execute("insert into kept values ('sigue aquí')");
        }
        first.stop();
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        EmbeddedPostgres second = EmbeddedPostgres.start(data, false).awaitReady();
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgres.OWNER_ROLE, second.ownerPassword());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("sigue aquí");
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
}
