package com.ambiosys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.ambiosys.FastLaunch.Launch;
import com.ambiosys.FastLauncher.Entry;
import com.ambiosys.platform.database.UserFolders;

/**
 * The build's training run (docs/decisions/0011): {@code AMBIOSYS_FAST_LAUNCH=prepare java -jar <jar>},
 * which {@code ./mvnw package} runs on the jar it has just made, extracts the jar into the user's launch
 * cache and starts the application once from it on a throwaway data directory, recording the class data
 * sharing archive at its exit. {@link LaunchTraining} makes the requests of a first visit and stops it.
 * The first {@code java -jar} of the build then starts with the archive, as every later one does.
 *
 * <p>It never fails the build: without an archive the first start records one itself, as it did before.
 */
final class LaunchPreparation {

    private static final long TRAINING_LIMIT_MINUTES = 10;
    private static final List<String> KEPT_SETTINGS = List.of("AMBIOSYS_DB_BINARIES_DIR", FastLaunch.CACHE_DIR);

    private LaunchPreparation() {
    }

    /** The exit status of the preparing JVM: always 0, with one line saying what happened. */
    static int run(Launch launch) {
        String stay = FastLaunch.stayReason(launch);
        if (stay != null) {
            System.err.println("AmbioSys: no launch to prepare (" + stay + ")");
            return 0;
        }
        long started = System.nanoTime();
        try {
            Entry entry = FastLauncher.prepare(launch);
            if (Files.isRegularFile(entry.archive())) {
                System.err.println("AmbioSys: this build's class data sharing archive is ready: " + entry.archive());
                return 0;
            }
            Path training = Files.createTempDirectory(entry.dir(), "training-");
            Path log = entry.dir().resolve("training.log");
            int code;
            try {
                code = train(launch, entry, training, log);
            }
            finally {
                stopLeftoverPostgres(training.resolve("data").resolve("postgres"));
                UserFolders.deleteTree(training);
            }
            FastLauncher.keepArchive(entry, code);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if (Files.isRegularFile(entry.archive())) {
                System.err.println("AmbioSys: recorded this build's class data sharing archive in " + seconds + " s: "
                        + entry.archive());
            }
            else {
                System.err.println("AmbioSys: the training run ended with status " + code + " and no archive (its output: "
                        + log + "); the first start records the archive instead. Last lines:");
                tail(log, 20).forEach(line -> System.err.println("  " + line));
            }
        }
        catch (IOException | RuntimeException e) {
            System.err.println("AmbioSys: could not prepare the fast launch (" + e + "); the first start records it instead");
        }
        return 0;
    }

    private static int train(Launch launch, Entry entry, Path training, Path log) throws IOException {
        List<String> cds = FastLaunch.cdsArgs(launch.javaFeature(), entry.archive(), false, entry.pending());
        ProcessBuilder builder = new ProcessBuilder(FastLaunch.childCommand(launch, cds, entry.thinJar(), new String[0]))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        trainingEnvironment(builder.environment(), training.resolve("data"));
        Process child = builder.start();
        try {
            if (!child.waitFor(TRAINING_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
                throw new IOException("the training run took longer than " + TRAINING_LIMIT_MINUTES + " minutes");
            }
            return child.exitValue();
        }
        catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * The training run's settings: none of the machine's (it may be a server whose environment points at
     * a real database or mail server), only a throwaway embedded database, any free port, a known password.
     */
    static void trainingEnvironment(Map<String, String> env, Path dataDir) {
        env.keySet().removeIf(name -> (name.startsWith("AMBIOSYS_") || name.startsWith("SPRING_"))
                && !KEPT_SETTINGS.contains(name));
        FastLauncher.childEnvironment(env);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        env.put("AMBIOSYS_LAUNCH_TRAINING", "true");
        env.put("AMBIOSYS_DATA_DIR", dataDir.toString());
        env.put("AMBIOSYS_PORT", "0");
        env.put("AMBIOSYS_ADMIN_PASSWORD", HexFormat.of().formatHex(secret));
    }

    /** A training run that did not stop cleanly may leave its PostgreSQL running: stop it before deleting its folder. */
    private static void stopLeftoverPostgres(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            // a stale pid file may name another process by now: only a live PostgreSQL is stopped
            ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone
                try {
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                }
                catch (Exception e) {
                    postmaster.destroyForcibly();
                }
            });
        }
        catch (IOException | RuntimeException e) {
            System.err.println("AmbioSys: could not stop the training run's PostgreSQL (" + e + ")");
        }
    }

    private static List<String> tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
        catch (IOException | RuntimeException e) {
            return List.of("(no output: " + e + ")");
        }
    }
}
