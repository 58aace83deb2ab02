package com.ambiosys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ambiosys.FastLaunch.Launch;
import com.ambiosys.FastLauncher.Entry;

/**
 * The fast launch's decisions (docs/decisions/0011): when {@code java -jar} relaunches, the child's command line,
 * our JVM defaults only where the user chose none, the cache folder, the archive kept only after a clean exit, and
 * the start in this JVM whenever the launcher cannot relaunch.
 */
class FastLaunchTest {

    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path dir;

    @Test
    void relaunchesAFatJarStartedWithJavaJar() throws IOException {
        Path jar = fatJar("app.jar");
        assertThat(FastLaunch.stayReason(launch(jar, Map.of(), List.of()))).isNull();
        assertThat(FastLaunch.launchedJar(launch(jar, Map.of(), List.of()))).isEqualTo(jar);
    }

    @Test
    void neverRelaunchesTwice() throws IOException {
        Path jar = fatJar("app.jar");
        assertThat(FastLaunch.stayReason(launch(jar, Map.of(FastLaunch.MARKER, "42"), List.of()))).isEqualTo("already relaunched");
    }

    @Test
    void staysInThisJvmWhenSwitchedOff() throws IOException {
        Path jar = fatJar("app.jar");
        assertThat(FastLaunch.stayReason(launch(jar, Map.of(FastLaunch.SWITCH, "false"), List.of()))).contains("false");
        assertThat(FastLaunch.stayReason(launch(jar, Map.of(FastLaunch.SWITCH, "true"), List.of()))).isNull();
    }

    @Test
    void staysInThisJvmWhenNotStartedFromOneFatJar() throws IOException {
        // spring-boot:run, an IDE, tests: a class path of folders and jars, the main class on the command line
        Launch classes = new Launch(Map.of(), List.of(), "com.ambiosys.AmbiosysApplication",
                dir.resolve("classes") + ":" + dir.resolve("lib.jar"), JAVA_HOME, "17.0.15+6", 17, "/home/x");
        assertThat(FastLaunch.stayReason(classes)).isEqualTo("not started with java -jar");
        // the extracted jar (the child's own) is a plain jar
        Path thin = jar("thin.jar", "com.ambiosys.AmbiosysApplication", null);
        assertThat(FastLaunch.stayReason(launch(thin, Map.of(), List.of()))).isEqualTo("not a Spring Boot fat jar");
    }

    @Test
    void staysInThisJvmUnderADebugger() throws IOException {
        Path jar = fatJar("app.jar");
        Launch debugged = launch(jar, Map.of(), List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"));
        assertThat(FastLaunch.stayReason(debugged)).contains("debugger");
    }

    @Test
    void addsTheSmallMachineDefaultsOnlyWhereTheUserChoseNone() {
        assertThat(FastLaunch.smallMachineDefaults(List.of())).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(FastLaunch.smallMachineDefaults(List.of("-Xmx1g"))).containsExactly("-XX:+UseSerialGC");
        assertThat(FastLaunch.smallMachineDefaults(List.of("-XX:MaxRAMPercentage=50"))).containsExactly("-XX:+UseSerialGC");
        assertThat(FastLaunch.smallMachineDefaults(List.of("-XX:MaxHeapSize=512m"))).containsExactly("-XX:+UseSerialGC");
        assertThat(FastLaunch.smallMachineDefaults(List.of("-XX:+UseG1GC"))).containsExactly("-Xmx256m");
        assertThat(FastLaunch.smallMachineDefaults(List.of("-XX:+UseZGC", "-Xmx2g"))).isEmpty();
        assertThat(FastLaunch.smallMachineDefaults(List.of("-Xms64m", "-Dx=1"))).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
    }

    @Test
    void childRunsTheExtractedJarWithTheUsersOptionsAndArguments() throws IOException {
        Path jar = fatJar("app.jar");
        Launch launch = launch(jar, Map.of(), List.of("-Dfoo=bar", "-Xmx1g"));
        Path thin = dir.resolve("cache/app.jar");
        List<String> cds = List.of("-XX:SharedArchiveFile=/c/app.jsa");
        assertThat(FastLaunch.childCommand(launch, cds, thin, new String[] { "--server.port=0", "x y" }))
            .containsExactly(Path.of(JAVA_HOME, "bin", "java").toString(), "-Dfoo=bar", "-Xmx1g", "-XX:+UseSerialGC",
                    "-XX:SharedArchiveFile=/c/app.jsa", "-jar", thin.toString(), "--server.port=0", "x y");
    }

    @Test
    void leavesClassDataSharingToAUserWhoConfiguresIt() throws IOException {
        Launch launch = launch(fatJar("app.jar"), Map.of(), List.of("-XX:SharedArchiveFile=/mine.jsa"));
        assertThat(FastLaunch.childCommand(launch, List.of("-XX:SharedArchiveFile=/c/app.jsa"), dir.resolve("t.jar"), new String[0]))
            .contains("-XX:SharedArchiveFile=/mine.jsa")
            .doesNotContain("-XX:SharedArchiveFile=/c/app.jsa");
    }

    @Test
    void noArchiveOfOursUnderFlightRecorderOrAnAgent() throws IOException {
        Path jar = fatJar("app.jar");
        List<String> cds = List.of("-XX:SharedArchiveFile=/c/app.jsa");
        for (String option : List.of("-XX:StartFlightRecording=filename=x.jfr", "-javaagent:otel.jar", "-Xshare:off")) {
            assertThat(FastLaunch.childCommand(launch(jar, Map.of(), List.of(option)), cds, dir.resolve("t.jar"), new String[0]))
                .as(option)
                .contains(option)
                .doesNotContain("-XX:SharedArchiveFile=/c/app.jsa");
        }
    }

    @Test
    void recordsTheArchiveOnJava17UntilOneExistsAndLetsNewerJavaKeepItByItself() {
        Path archive = Path.of("/c/app.jsa");
        Path pending = Path.of("/c/app.jsa.7.tmp");
        assertThat(FastLaunch.cdsArgs(17, archive, false, pending)).containsExactly("-XX:ArchiveClassesAtExit=/c/app.jsa.7.tmp");
        assertThat(FastLaunch.cdsArgs(17, archive, true, pending)).containsExactly("-XX:SharedArchiveFile=/c/app.jsa");
        assertThat(FastLaunch.cdsArgs(21, archive, false, pending))
            .containsExactly("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/c/app.jsa");
    }

    @Test
    void cacheFolderIsOnePerJarBuildAndJvm() {
        Path jar = Path.of("/opt/ambiosys-app-0.1.0-SNAPSHOT.jar");
        String key = FastLaunch.cacheKey(jar, 100, 1_000, "/jdk17", "17.0.15+6");
        assertThat(key).startsWith("ambiosys-app-0.1.0-SNAPSHOT-java17.0.15_6-")
            .isEqualTo(FastLaunch.cacheKey(jar, 100, 1_000, "/jdk17", "17.0.15+6"));
        assertThat(List.of(FastLaunch.cacheKey(jar, 101, 1_000, "/jdk17", "17.0.15+6"),
                FastLaunch.cacheKey(jar, 100, 2_000, "/jdk17", "17.0.15+6"),
                FastLaunch.cacheKey(jar, 100, 1_000, "/jdk17b", "17.0.15+6"),
                FastLaunch.cacheKey(jar, 100, 1_000, "/jdk17", "17.0.16+8"),
                FastLaunch.cacheKey(Path.of("/srv/ambiosys-app-0.1.0-SNAPSHOT.jar"), 100, 1_000, "/jdk17", "17.0.15+6")))
            .doesNotContain(key)
            .doesNotHaveDuplicates();
    }

    @Test
    void cacheRootIsTheUsersOwnUnlessConfigured() {
        assertThat(FastLaunch.cacheRoot(new Launch(Map.of(), List.of(), "", "", JAVA_HOME, "17", 17, "/home/ana")))
            .isEqualTo(Path.of("/home/ana/.cache/ambiosys/launch"));
        assertThat(FastLaunch.cacheRoot(new Launch(Map.of("XDG_CACHE_HOME", "/var/cache/ana"), List.of(), "", "", JAVA_HOME,
                "17", 17, "/home/ana"))).isEqualTo(Path.of("/var/cache/ana/ambiosys/launch"));
        assertThat(FastLaunch.cacheRoot(new Launch(Map.of(FastLaunch.CACHE_DIR, "/srv/launch", "XDG_CACHE_HOME", "/x"),
                List.of(), "", "", JAVA_HOME, "17", 17, "/home/ana"))).isEqualTo(Path.of("/srv/launch"));
    }

    @Test
    void refusesACacheOtherUsersMayWrite() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> FastLauncher.privateDirectory(shared)).hasMessageContaining("writable by other users");
        Path fresh = FastLauncher.privateDirectory(dir.resolve("a/b/launch"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void refusesACacheThatIsNotAFolderOfThisUser() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> FastLauncher.privateDirectory(file)).hasMessageContaining("is not a folder");
        Path theirs = Files.createDirectory(dir.resolve("theirs"));
        try {
            Files.setAttribute(theirs, "unix:uid", 54321); // only root may give a folder away
        }
        catch (IOException notRoot) {
            return;
        }
        assertThatThrownBy(() -> FastLauncher.privateDirectory(theirs)).hasMessageContaining("is owned by");
    }

    @Test
    void keepsTheRecordedArchiveOnlyAfterACleanExit() throws IOException {
        Entry entry = new Entry(dir, dir.resolve("app.jar"), dir.resolve("app.jsa"), dir.resolve("app.jsa.1.tmp"));
        byte[] archive = { (byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 1, 2, 3 }; // the magic, little-endian

        Files.write(entry.pending(), archive);
        FastLauncher.keepArchive(entry, 1); // failed start: the archive may be incomplete
        assertThat(entry.archive()).doesNotExist();
        assertThat(entry.pending()).doesNotExist();

        Files.write(entry.pending(), new byte[] { 1, 2, 3, 4, 5 });
        FastLauncher.keepArchive(entry, 0); // not an archive
        assertThat(entry.archive()).doesNotExist();

        Files.write(entry.pending(), archive);
        FastLauncher.keepArchive(entry, 143); // stopped with SIGTERM: graceful, the JVM wrote the archive at exit
        assertThat(entry.archive()).hasBinaryContent(archive);
        assertThat(entry.pending()).doesNotExist();
    }

    @Test
    void startsInThisJvmWhenTheJarCannotBeExtracted() throws IOException {
        // looks like a fat jar, but Spring Boot's loader is not in it: the extraction fails
        Path jar = fatJar("broken.jar");
        Launch launch = launch(jar, Map.of(FastLaunch.CACHE_DIR, dir.resolve("cache").toString()), List.of());
        assertThat(FastLauncher.relaunch(launch, new String[0])).isNull();
        try (var left = Files.list(dir.resolve("cache"))) {
            assertThat(left).isEmpty(); // no half-extracted folder that a later launch would take for complete
        }
    }

    @Test
    void childLearnsItWasRelaunchedAndDoesNotInheritJvmOptionsTwice() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:a.jar",
                "JDK_JAVA_OPTIONS", "-Dx=1", "AMBIOSYS_PORT", "8081"));
        FastLauncher.childEnvironment(env);
        assertThat(env).containsEntry(FastLaunch.MARKER, Long.toString(ProcessHandle.current().pid()))
            .containsEntry("AMBIOSYS_PORT", "8081")
            .doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    }

    @Test
    void buildAsksForTheTrainingRunByName() throws IOException {
        Path jar = fatJar("app.jar");
        assertThat(FastLaunch.preparing(launch(jar, Map.of(FastLaunch.SWITCH, " Prepare "), List.of()))).isTrue();
        assertThat(FastLaunch.preparing(launch(jar, Map.of(FastLaunch.SWITCH, "true"), List.of()))).isFalse();
        assertThat(FastLaunch.preparing(launch(jar, Map.of(), List.of()))).isFalse();
    }

    @Test
    void trainingRunTakesNoneOfTheMachinesSettingsOnlyAThrowawayDatabase() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("AMBIOSYS_DB_URL", "jdbc:postgresql://db/prod",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/prod", "AMBIOSYS_SMTP_HOST", "smtp.example.com",
                "AMBIOSYS_DB_BINARIES_DIR", "/opt/pg", FastLaunch.CACHE_DIR, "/opt/cache", "PATH", "/usr/bin",
                "JAVA_TOOL_OPTIONS", "-Dx=1"));
        LaunchPreparation.trainingEnvironment(env, dir.resolve("training/data"));
        assertThat(env).doesNotContainKeys("AMBIOSYS_DB_URL", "SPRING_DATASOURCE_URL", "AMBIOSYS_SMTP_HOST", "JAVA_TOOL_OPTIONS")
            .containsEntry("AMBIOSYS_DB_BINARIES_DIR", "/opt/pg")
            .containsEntry(FastLaunch.CACHE_DIR, "/opt/cache")
            .containsEntry("PATH", "/usr/bin")
            .containsEntry("AMBIOSYS_LAUNCH_TRAINING", "true")
            .containsEntry("AMBIOSYS_DATA_DIR", dir.resolve("training/data").toString())
            .containsEntry("AMBIOSYS_PORT", "0")
            .containsKey(FastLaunch.MARKER);
        assertThat(env.get("AMBIOSYS_ADMIN_PASSWORD")).matches("[0-9a-f]{36}");
    }

    @Test
    void preparationThatCannotExtractTheJarLeavesNothingAndNeverFailsTheBuild() throws IOException {
        Path jar = fatJar("broken.jar");
        Launch launch = launch(jar, Map.of(FastLaunch.SWITCH, "prepare", FastLaunch.CACHE_DIR, dir.resolve("cache").toString()),
                List.of());
        assertThat(LaunchPreparation.run(launch)).isZero();
        try (var left = Files.list(dir.resolve("cache"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void keepsTheCurrentBuildAndTheTwoLastUsedOthersAndDropsTheRest() throws IOException {
        Path root = Files.createDirectory(dir.resolve("launch"));
        long now = System.currentTimeMillis();
        Path current = build(root, "current", now - java.time.Duration.ofDays(30).toMillis()); // running for a month
        Path newest = build(root, "b5", now - 1_000);
        Path second = build(root, "b4", now - 2_000);
        Path third = build(root, "b3", now - 3_000);
        Path stale = build(root, "b1", now - java.time.Duration.ofDays(8).toMillis());
        Path extracting = build(root, "b6.tmp-77", now); // another launch's extraction under way
        Path abandoned = build(root, "b0.tmp-12", now - java.time.Duration.ofDays(8).toMillis());

        FastLauncher.pruneUnused(root, current);

        assertThat(current).exists();
        assertThat(newest).exists();
        assertThat(second).exists();
        assertThat(extracting).exists();
        assertThat(third).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(abandoned).doesNotExist();
    }

    private static Path build(Path root, String name, long lastUsed) throws IOException {
        Path entry = Files.createDirectories(root.resolve(name).resolve("lib"));
        Files.writeString(entry.resolve("x.jar"), "x");
        Files.setLastModifiedTime(entry.getParent(), java.nio.file.attribute.FileTime.fromMillis(lastUsed));
        return entry.getParent();
    }

    private Launch launch(Path jar, Map<String, String> env, List<String> jvmArgs) {
        return new Launch(env, jvmArgs, jar + " --some.arg=1", jar.toString(), JAVA_HOME, "17.0.15+6", 17,
                dir.resolve("home").toString());
    }

    private Path fatJar(String name) throws IOException {
        return jar(name, "org.springframework.boot.loader.launch.JarLauncher", "com.ambiosys.AmbiosysApplication");
    }

    private Path jar(String name, String mainClass, String startClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        if (startClass != null) {
            manifest.getMainAttributes().putValue("Start-Class", startClass);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        return jar;
    }
}
