package com.ambiosys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * The decisions of the fast launch (docs/decisions/0011): whether {@code java -jar} relaunches itself
 * from the extracted jar with a class data sharing archive, where that is cached, and the child JVM's
 * command line. Plain JDK classes only: it runs before anything of Spring is loaded.
 */
final class FastLaunch {

    /** Set in the child's environment: its value is the launching JVM's pid. */
    static final String MARKER = "AMBIOSYS_LAUNCHER_PID";
    static final String SWITCH = "AMBIOSYS_FAST_LAUNCH";
    static final String CACHE_DIR = "AMBIOSYS_LAUNCH_CACHE";
    static final String ARCHIVE = "app.jsa";
    /** {@code AMBIOSYS_FAST_LAUNCH=prepare}: the build's training run (see {@link LaunchPreparation}). */
    static final String PREPARE = "prepare";

    /** docs/operations.md: the small-machine settings (2 cores, one instance). */
    static final String DEFAULT_HEAP = "-Xmx256m";
    static final String DEFAULT_GC = "-XX:+UseSerialGC";

    private FastLaunch() {
    }

    /** What the launching JVM knows about itself; a record so that tests can describe any launch. */
    record Launch(Map<String, String> env, List<String> jvmArgs, String javaCommand, String classPath,
            String javaHome, String javaVersion, int javaFeature, String userHome) {

        static Launch current() {
            return new Launch(System.getenv(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""),
                    System.getProperty("java.home"), System.getProperty("java.vm.version", ""),
                    Runtime.version().feature(), System.getProperty("user.home", ""));
        }
    }

    /**
     * Why this JVM starts the application itself instead of relaunching, or {@code null} to relaunch.
     * The jar is checked last: reading its manifest is the only input/output here.
     */
    static String stayReason(Launch launch) {
        if (launch.env().containsKey(MARKER)) {
            return "already relaunched";
        }
        if ("false".equalsIgnoreCase(launch.env().getOrDefault(SWITCH, "").trim())) {
            return SWITCH + "=false";
        }
        for (String arg : launch.jvmArgs()) {
            if (arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp") || arg.equals("-Xdebug")) {
                return "a debugger is attached to this JVM";
            }
            if (arg.startsWith("-Djarmode")) {
                return "a jar mode";
            }
        }
        Path jar = launchedJar(launch);
        if (jar == null) {
            return "not started with java -jar";
        }
        return isFatJar(jar) ? null : "not a Spring Boot fat jar";
    }

    /** The build asks for the archive to be recorded now, by a training run, instead of at the first start. */
    static boolean preparing(Launch launch) {
        return PREPARE.equalsIgnoreCase(launch.env().getOrDefault(SWITCH, "").trim());
    }

    /** The jar of {@code java -jar <jar>}: the class path is that one jar and the command starts with it. */
    static Path launchedJar(Launch launch) {
        String cp = launch.classPath();
        if (cp.isEmpty() || cp.contains(java.io.File.pathSeparator) || !cp.endsWith(".jar")
                || !launch.javaCommand().startsWith(cp)) {
            return null;
        }
        return Path.of(cp).toAbsolutePath().normalize();
    }

    static boolean isFatJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            return main != null && main.getValue("Start-Class") != null
                    && String.valueOf(main.getValue(Attributes.Name.MAIN_CLASS)).startsWith("org.springframework.boot.loader.");
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Where extracted jars and their archives live: a folder of this user's, shared by every data directory. */
    static Path cacheRoot(Launch launch) {
        String explicit = launch.env().getOrDefault(CACHE_DIR, "");
        if (!explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = launch.env().getOrDefault("XDG_CACHE_HOME", "");
        Path base = xdg.isBlank() ? Path.of(launch.userHome(), ".cache") : Path.of(xdg);
        return base.toAbsolutePath().resolve("ambiosys").resolve("launch");
    }

    /**
     * One folder per jar build and JVM: an archive is valid only for the exact jar files and JVM that
     * made it. Name, size and modification time identify the build; the JVM's home and version the JVM.
     */
    static String cacheKey(Path jar, long size, long modifiedMillis, String javaHome, String javaVersion) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        CRC32 crc = new CRC32();
        crc.update((jar + "|" + size + "|" + modifiedMillis + "|" + javaHome + "|" + javaVersion)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String jvm = javaVersion.replaceAll("[^A-Za-z0-9.]", "_");
        return name + "-java" + jvm + "-" + Long.toHexString(crc.getValue());
    }

    /** -Xmx256m and the serial collector, each only when the user chose nothing of the kind. */
    static List<String> smallMachineDefaults(List<String> jvmArgs) {
        boolean heap = false;
        boolean gc = false;
        for (String arg : jvmArgs) {
            String a = arg.toLowerCase(Locale.ROOT);
            heap |= a.startsWith("-xmx") || a.startsWith("-xx:maxheapsize") || a.startsWith("-xx:maxram");
            gc |= a.startsWith("-xx:+use") && a.endsWith("gc");
        }
        List<String> defaults = new ArrayList<>();
        if (!heap) {
            defaults.add(DEFAULT_HEAP);
        }
        if (!gc) {
            defaults.add(DEFAULT_GC);
        }
        return defaults;
    }

    /**
     * No archive of ours when the user manages class data sharing, or records with JFR or loads an agent:
     * Java 17.0.15 crashed (SIGSEGV in check_shared_class_file_load_hook) with -XX:StartFlightRecording and
     * a dynamic archive, and agents that transform classes are the same path.
     */
    static boolean leaveCdsAlone(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:ArchiveClassesAtExit")
                || a.startsWith("-Xshare") || a.contains("AutoCreateSharedArchive") || a.startsWith("-XX:AOT")
                || a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:+FlightRecorder")
                || a.startsWith("-javaagent") || a.startsWith("-agentlib") || a.startsWith("-agentpath"));
    }

    /**
     * The child's class data sharing options. Java 19+ makes and refreshes the archive by itself; on 17
     * an existing archive is used, and without one the child records one at exit into {@code pending},
     * which the launcher moves into place only after a clean exit.
     */
    static List<String> cdsArgs(int javaFeature, Path archive, boolean archiveExists, Path pending) {
        if (javaFeature >= 19) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        }
        return archiveExists ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + pending);
    }

    /** The child JVM: the user's own JVM options first, then what is absent of ours, then the extracted jar. */
    static List<String> childCommand(Launch launch, List<String> cds, Path thinJar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(launch.javaHome(), "bin", "java").toString());
        command.addAll(launch.jvmArgs());
        command.addAll(smallMachineDefaults(launch.jvmArgs()));
        if (!leaveCdsAlone(launch.jvmArgs())) {
            command.addAll(cds);
        }
        command.add("-jar");
        command.add(thinJar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** A clean end of the child: normal exit, or the graceful stop after SIGINT/SIGTERM. */
    static boolean cleanExit(int code) {
        return code == 0 || code == 130 || code == 143;
    }
}
