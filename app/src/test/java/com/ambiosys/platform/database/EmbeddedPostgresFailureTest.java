package com.ambiosys.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start of the embedded PostgreSQL that fails says why in one line, on top: the operator sees the cause and what
 * to do, not a stack whose first line names a bean.
 */
class EmbeddedPostgresFailureTest {

    @TempDir
    Path dir;

    @Test
    void aDataFolderOfAnotherUserIsNamedWithItsOwner() throws Exception {
        assumeTrue(Owners.isRoot(), "needs root to give a folder to another user");
        Path data = PostgresBinariesTest.giveToNobody(Files.createDirectory(dir.resolve("data")));

        assertThatThrownBy(() -> EmbeddedPostgres.start(data.resolve("postgres"), false, "128MB", List.of(dir.resolve("bin"))))
            .isInstanceOf(EmbeddedPostgresException.class)
            .hasMessage("Embedded PostgreSQL could not start: " + data + " is owned by nobody, not by user root"
                    + " (the data folder must be the user's own); set AMBIOSYS_DATA_DIR to a folder of yours or change"
                    + " its owner");
    }

    @Test
    void aDataFolderOfAnotherPostgresVersionIsNamedWithTheServersWords() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/postgres"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(data.resolve("PG_VERSION"), "16\n");
        Files.writeString(data.resolve("postgresql.conf"), "");
        EmbeddedPostgres server = EmbeddedPostgres.start(data, false, "128MB");

        assertThatThrownBy(server::awaitReady)
            .isInstanceOf(EmbeddedPostgresException.class)
            .hasMessageStartingWith("Embedded PostgreSQL could not start: the server did not start on port "
                    + server.port() + " with data folder " + data + ": ")
            .hasMessageContaining("The data directory was initialized by PostgreSQL version 16")
            .hasMessageContaining("(log: " + dir.resolve("data/postgres.log") + ")")
            .hasMessageNotContaining("\n");
    }

    @Test
    void theLastLinesOfAProgramSayWhyItFailed() {
        List<String> initdb = List.of("The files belonging to this database system will be owned by user \"x\".",
                "", "creating directory /d ... ok", "creating subdirectories ... ok",
                "initdb: error: could not create directory \"/d/global\": No space left on device",
                "initdb: removing data directory \"/d\"");
        assertThat(EmbeddedPostgresException.lastLines(initdb, 2)).isEqualTo(
                "initdb: error: could not create directory \"/d/global\": No space left on device"
                        + " | initdb: removing data directory \"/d\"");
        List<String> serverLog = List.of("LOG:  starting PostgreSQL 17.7",
                "LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use",
                "HINT:  Is another postmaster already running on port 5432? If not, wait a few seconds and retry.",
                "FATAL:  could not create any TCP/IP sockets", "LOG:  database system is shut down");
        assertThat(EmbeddedPostgresException.lastLines(serverLog, 3)).isEqualTo(
                "HINT:  Is another postmaster already running on port 5432? If not, wait a few seconds and retry."
                        + " | FATAL:  could not create any TCP/IP sockets");
    }

    @Test
    void theFailureReportShowsTheCauseOnTop() {
        EmbeddedPostgresException cause = new EmbeddedPostgresException("/srv/data is not writable by user tester");
        FailureAnalysis analysis = new EmbeddedPostgresFailureAnalyzer()
            .analyze(new BeanCreationException("embeddedPostgresReference", "Failed to instantiate", cause));

        assertThat(analysis.getDescription())
            .isEqualTo("Embedded PostgreSQL could not start: /srv/data is not writable by user tester");
        assertThat(analysis.getAction()).contains("AMBIOSYS_DB_URL");
    }
}
