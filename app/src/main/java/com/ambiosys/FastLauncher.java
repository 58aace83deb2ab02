package com.ambiosys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ambiosys.FastLaunch.Launch;
import com.ambiosys.platform.database.UserFolders;

/**
 * Relaunches {@code java -jar} once, before any Spring class is loaded, as a child JVM that runs the
 * extracted jar with a class data sharing archive (docs/decisions/0011). The parent only waits: it
 * passes its input and output through, forwards termination and ends with the child's exit status. If
 * anything fails before the child starts, the application starts in this JVM after one line on stderr.
 */
final class FastLauncher {

    private static final Duration UNUSED_ENTRY_AGE = Duration.ofDays(7);
    /** Builds kept besides the current one (each about 230 MB): a machine that builds often, like CI, keeps only these. */
    static final int KEPT_OTHER_BUILDS = 2;

    private FastLauncher() {
    }

    /** Where one jar build's extraction and archive live. */
    record Entry(Path dir, Path thinJar, Path archive, Path pending) {
    }

    record Child(Process process, Entry entry) {
    }

    /** Returns when the application should start in this JVM; otherwise ends the JVM with the child's status. */
    static void relaunchOrReturn(String[] args) {
        Launch launch;
        try {
            launch = Launch.current();
            watchLauncher(launch.env().get(FastLaunch.MARKER));
        }
        catch (RuntimeException e) {
            return; // the plain start is what every other way of starting does anyway
        }
        if (FastLaunch.preparing(launch)) {
            System.exit(LaunchPreparation.run(launch));
        }
        Child child = relaunch(launch, args);
        if (child != null) {
            System.exit(supervise(child.process(), child.entry()));
        }
    }

    /** The started child, or {@code null} when the application is to start in this JVM. */
    static Child relaunch(Launch launch, String[] args) {
        try {
            if (FastLaunch.stayReason(launch) != null) {
                return null;
            }
        }
        catch (RuntimeException e) {
            return null;
        }
        Process child;
        Entry entry;
        try {
            entry = prepare(launch);
            List<String> cds = FastLaunch.cdsArgs(launch.javaFeature(), entry.archive(),
                    Files.isRegularFile(entry.archive()), entry.pending());
            ProcessBuilder builder = new ProcessBuilder(FastLaunch.childCommand(launch, cds, entry.thinJar(), args))
                .inheritIO();
            childEnvironment(builder.environment());
            child = builder.start();
        }
        catch (IOException | RuntimeException e) {
            System.err.println("AmbioSys: fast launch unavailable (" + e + "); starting in this JVM");
            return null;
        }
        return new Child(child, entry);
    }

    static void childEnvironment(Map<String, String> env) {
        // their options are among the input arguments passed on; inherited as well, agents would load twice
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put(FastLaunch.MARKER, Long.toString(ProcessHandle.current().pid()));
    }

    /** In the child: a launcher killed outright (SIGKILL) must not leave the application running unseen. */
    private static void watchLauncher(String launcherPid) {
        if (launcherPid == null || !launcherPid.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(launcherPid)).ifPresentOrElse(
                launcher -> launcher.onExit().thenRun(FastLauncher::launcherGone), FastLauncher::launcherGone);
    }

    private static void launcherGone() {
        System.err.println("AmbioSys: the launching JVM has gone; stopping");
        System.exit(143);
    }

    /** The extracted jar of this build (extracted now if it is not yet) and where its archive goes. */
    static Entry prepare(Launch launch) throws IOException {
        Path jar = FastLaunch.launchedJar(launch);
        Path root = privateDirectory(FastLaunch.cacheRoot(launch));
        String key = FastLaunch.cacheKey(jar, Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
                launch.javaHome(), launch.javaVersion());
        Path dir = root.resolve(key);
        Path thinJar = dir.resolve(jar.getFileName());
        if (!Files.isRegularFile(thinJar)) {
            System.err.println("AmbioSys: first start of this build: extracting it into " + dir
                    + "; its class data sharing archive is recorded when it stops");
            extract(launch, jar, root, dir);
            pruneUnused(root, dir);
        }
        Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis())); // in use: kept by pruning
        long pid = ProcessHandle.current().pid();
        dropAbandonedPending(dir);
        return new Entry(dir, thinJar, dir.resolve(FastLaunch.ARCHIVE), dir.resolve(FastLaunch.ARCHIVE + "." + pid + ".tmp"));
    }

    /** The cache holds code this user will run: it must be theirs alone, and nobody else may write in it. */
    static Path privateDirectory(Path root) throws IOException {
        UserFolders.ownFolder(root);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(root);
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(root + " is writable by other users");
        }
        return root;
    }

    /** Spring Boot's own extraction (tools jar mode) into a temporary folder, renamed into place when complete. */
    private static void extract(Launch launch, Path jar, Path root, Path dir) throws IOException {
        Path tmp = root.resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        UserFolders.deleteTree(tmp);
        ProcessBuilder builder = new ProcessBuilder(Path.of(launch.javaHome(), "bin", "java").toString(),
                "-Djarmode=tools", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "extract", "--destination", tmp.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        childEnvironment(builder.environment());
        int code = waitFor(builder.start());
        if (code != 0 || !Files.isRegularFile(tmp.resolve(jar.getFileName()))) {
            UserFolders.deleteTree(tmp);
            throw new IOException("extracting " + jar + " failed (exit status " + code + ")");
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException raced) { // another launch extracted the same build first
            UserFolders.deleteTree(tmp);
            if (!Files.isRegularFile(dir.resolve(jar.getFileName()))) {
                throw raced;
            }
        }
    }

    /** Waits for the child, forwarding a stop of this JVM to it; returns its exit status. */
    static int supervise(Process child, Entry entry) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the application's graceful shutdown
            }
            keepArchive(entry, waitFor(child)); // this JVM halts when its hooks end: the archive is kept here
        }, "ambiosys-launcher-stop"));
        keepMarkedInUse(entry.dir());
        // from here on this JVM only waits: give back what the fat jar's loader and the extraction used
        System.gc();
        int code = waitFor(child);
        keepArchive(entry, code);
        return code;
    }

    /** A folder in use is never pruned, however long the application runs: its time is renewed daily. */
    private static void keepMarkedInUse(Path dir) {
        Thread marker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(Duration.ofDays(1).toMillis());
                    Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
                }
            }
            catch (InterruptedException | IOException e) {
                // the launcher is stopping, or the folder went away: nothing left to keep
            }
        }, "ambiosys-launcher-in-use");
        marker.setDaemon(true);
        marker.start();
    }

    /** The archive the child recorded at exit goes into place only after a clean exit, and only if complete. */
    static synchronized void keepArchive(Entry entry, int exitCode) {
        Path pending = entry.pending();
        try {
            if (!Files.exists(pending)) {
                return;
            }
            if (FastLaunch.cleanExit(exitCode) && isArchive(pending)) {
                Files.move(pending, entry.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            else {
                Files.deleteIfExists(pending);
            }
        }
        catch (IOException e) {
            System.err.println("AmbioSys: could not keep the class data sharing archive (" + e + ")");
        }
    }

    /** A dynamic CDS archive starts with its magic number (0xf00baba8, in the machine's byte order). */
    static boolean isArchive(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) != 4) {
                return false;
            }
        }
        int big = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        return big == 0xf00baba8 || Integer.reverseBytes(big) == 0xf00baba8;
    }

    private static int waitFor(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                }
                catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Archives being recorded by launches that are gone (killed before their child's exit). */
    private static void dropAbandonedPending(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, FastLaunch.ARCHIVE + ".*.tmp")) {
            for (Path file : files) {
                String pid = file.getFileName().toString().replaceAll("^" + FastLaunch.ARCHIVE + "\\.(\\d+)\\.tmp$", "$1");
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Older builds' folders: those nobody launched for a week, and all but the {@value #KEPT_OTHER_BUILDS}
     * most recently used (every build of the jar makes a new one).
     */
    static void pruneUnused(Path root, Path current) throws IOException {
        long cutoff = System.currentTimeMillis() - UNUSED_ENTRY_AGE.toMillis();
        List<Path> others = new java.util.ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (entry.equals(current) || !Files.isDirectory(entry)) {
                    continue;
                }
                if (!entry.getFileName().toString().contains(".tmp-")) {
                    others.add(entry);
                }
                else if (lastUsed(entry) < cutoff) { // an extraction abandoned long ago; a recent one may be under way
                    UserFolders.deleteTree(entry);
                }
            }
        }
        others.sort(Comparator.comparingLong(FastLauncher::lastUsed).reversed());
        for (int i = 0; i < others.size(); i++) {
            if (i >= KEPT_OTHER_BUILDS || lastUsed(others.get(i)) < cutoff) {
                UserFolders.deleteTree(others.get(i));
            }
        }
    }

    private static long lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry).toMillis();
        }
        catch (IOException gone) {
            return 0;
        }
    }
}
