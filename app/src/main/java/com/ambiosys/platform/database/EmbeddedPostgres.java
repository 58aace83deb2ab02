package com.ambiosys.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A PostgreSQL server run from the binaries zonky ships as a Maven artifact, for the zero-configuration
 * first run and for tests.
 *
 * <p>We start the binaries ourselves instead of using zonky's launcher because PostgreSQL refuses to
 * run as root, and evaluation machines and CI often are root: as root, every PostgreSQL program is
 * started inside a fresh user namespace ({@code unshare -U}), where it is not root (see
 * docs/decisions/0001-embedded-postgres.md).
 *
 * <p>The server keeps its data in the given directory across restarts. Two login roles are created
 * on first start: the owner (runs migrations, owns every object) and the application role (owns
 * nothing, no superuser, no BYPASSRLS).
 */
public final class EmbeddedPostgres {

    public static final String DATABASE = "ambiosys";
    public static final String OWNER_ROLE = "ambiosys_owner";
    public static final String APP_ROLE = "ambiosys_app";
    private static final String SUPERUSER = "postgres";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    /** The default {@code shared_buffers}: a year of a busy tenant's service requests and their indexes (bench/README.md). */
    public static final String DEFAULT_SHARED_BUFFERS = "512MB";

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Path dataDir;
    private volatile Path binDir;
    private final boolean ephemeral;
    private final java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
    private final Properties credentials;
    private final int port;
    private final boolean startedHere;
    private final String sharedBuffers;
    private final java.util.concurrent.atomic.AtomicInteger references = new java.util.concurrent.atomic.AtomicInteger();

    private EmbeddedPostgres(Path dataDir, boolean ephemeral, Properties credentials, int port, boolean startedHere,
            String sharedBuffers) {
        this.dataDir = dataDir;
        this.sharedBuffers = sharedBuffers;
        this.ephemeral = ephemeral;
        this.credentials = credentials;
        this.port = port;
        this.startedHere = startedHere;
    }

    /**
     * Starts a server on the data directory, or returns the one this JVM already runs there.
     * @param ephemeral tuned for throwaway data (no fsync) and deleted when the JVM exits
     */
    public static EmbeddedPostgres start(Path dataDir, boolean ephemeral) {
        return start(dataDir, ephemeral, DEFAULT_SHARED_BUFFERS);
    }

    /**
     * As {@link #start(Path, boolean)}, with the server's {@code shared_buffers} (given at every start, so a data
     * directory made before takes it too): a size such as {@code 512MB} or {@code 2GB}.
     */
    public static EmbeddedPostgres start(Path dataDir, boolean ephemeral, String sharedBuffers) {
        if (sharedBuffers == null || !sharedBuffers.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("ambiosys.db.shared-buffers must be a size such as 512MB or 2GB, not "
                    + sharedBuffers);
        }
        Path key = dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> launch(dir, ephemeral, sharedBuffers));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public String ownerPassword() {
        return credentials.getProperty("owner");
    }

    public String appPassword() {
        return credentials.getProperty("app");
    }

    /**
     * Decides port and passwords at once, and starts the server in the background: the application
     * context builds itself meanwhile and waits ({@link #awaitReady()}) only when it needs a connection.
     */
    private static EmbeddedPostgres launch(Path dataDir, boolean ephemeral, String sharedBuffers) {
        try {
            Path credentialsFile = dataDir.resolveSibling(dataDir.getFileName() + ".credentials");
            Properties credentials = loadOrCreateCredentials(credentialsFile);
            Integer runningPort = runningPort(dataDir);
            boolean startedHere = runningPort == null;
            int port = startedHere ? freePort() : runningPort;
            EmbeddedPostgres server = new EmbeddedPostgres(dataDir, ephemeral, credentials, port, startedHere,
                    sharedBuffers);
            Thread starter = new Thread(server::bringUp, "embedded-postgres-start");
            starter.setDaemon(true);
            starter.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
        }
    }

    private void bringUp() {
        try {
            binDir = extractBinaries();
            if (startedHere) {
                if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                    initdb(binDir, dataDir, credentials, ephemeral);
                }
                pgCtlStart();
                // the JVM is ending: give the application contexts a moment to close their pools
                // (they stop the server themselves when the last one lets go), then stop it anyway
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (references.get() > 0 && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(100);
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                    stop();
                }, "embedded-postgres-stop"));
            }
            ensureRolesAndDatabase();
            ready.complete(null);
        }
        catch (IOException | RuntimeException ex) {
            ready.completeExceptionally(ex);
        }
    }

    /** Blocks until the server accepts connections; throws if it could not start. */
    public EmbeddedPostgres awaitReady() {
        try {
            ready.join();
            return this;
        }
        catch (java.util.concurrent.CompletionException ex) {
            RUNNING.remove(dataDir.toAbsolutePath().normalize(), this);
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": "
                    + ex.getCause().getMessage(), ex.getCause());
        }
    }

    private static Path extractBinaries() throws IOException {
        java.net.URL source = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (source == null) {
            throw new IOException("PostgreSQL binaries " + ARCHIVE + " are not on the classpath (this machine is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "); set AMBIOSYS_DB_URL to use an external PostgreSQL");
        }
        // the jar's path names the binaries' version, so it keys the extraction cache
        String key = Integer.toHexString(source.toString().hashCode());
        Path parent = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ambiosys-postgres"));
        Path target = parent.resolve("pg-" + key);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(parent, "extract-");
        try (InputStream in = source.openStream();
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
            TarArchiveEntry entry;
            List<TarArchiveEntry> links = new ArrayList<>();
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                }
                else if (entry.isSymbolicLink()) {
                    links.add(entry);
                }
                else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
            for (TarArchiveEntry link : links) {
                Path out = staging.resolve(link.getName()).normalize();
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                Files.createSymbolicLink(out, Path.of(link.getLinkName()));
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException ex) {
            deleteTree(staging); // another JVM extracted it first
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    private static Properties loadOrCreateCredentials(Path file) throws IOException {
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                props.load(reader);
            }
            return props;
        }
        props.setProperty("superuser", randomSecret());
        props.setProperty("owner", randomSecret());
        props.setProperty("app", randomSecret());
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "credentials", ".tmp");
        Files.setPosixFilePermissions(tmp, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (var writer = Files.newBufferedWriter(tmp)) {
            props.store(writer, "Embedded PostgreSQL passwords of AmbioSys; keep with the data directory");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return props;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void initdb(Path binDir, Path dataDir, Properties credentials, boolean ephemeral) throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("Data directory " + dataDir + " is not empty and holds no PostgreSQL cluster");
                }
            }
        }
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        Path pwfile = Files.createTempFile("ambiosys-pg", ".pw");
        try {
            Files.writeString(pwfile, credentials.getProperty("superuser") + "\n");
            run(binDir, List.of("initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
                    "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale", "--no-instructions"), 120);
        }
        finally {
            Files.deleteIfExists(pwfile);
        }
        StringBuilder conf = new StringBuilder("\n# AmbioSys embedded settings\n")
            .append("listen_addresses = '127.0.0.1'\n")
            .append("unix_socket_directories = ''\n")
            .append("max_connections = 200\n")
            .append("timezone = 'UTC'\n");
        if (ephemeral) {
            conf.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        }
        Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The port of a server already running on this data directory (left by a JVM that was killed), or null. */
    private static Integer runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
            .map(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("postgres")).orElse(true))
            .orElse(false);
        return alive ? Integer.valueOf(lines.get(3).trim()) : null; // a stale pid file: pg_ctl start handles it
    }

    private void pgCtlStart() throws IOException {
        preloadPrewarm(dataDir);
        // wal_init_zero=off: a new 16 MB WAL segment is created at its size instead of written full of zeros
        // first. With zeros, the commit that crossed into a new segment waited for those 16 MB and their fsync:
        // at 1 000 WhatsApp messages/s (a segment every ~7 s) that was a 50-120 ms stall of every webhook
        // every ~7 s (bench/README.md, inbox section). Space is then taken as WAL is written, as on COW file
        // systems, for which PostgreSQL offers the setting.
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        run(binDir, List.of("pg_ctl", "start", "-D", dataDir.toString(), "-w", "-t", "120", "-l", log.toString(),
                "-o", "-p " + port + " -c shared_buffers=" + sharedBuffers + " -c wal_init_zero=off"), 180);
    }

    /**
     * pg_prewarm's worker saves the list of cached pages (every 5 minutes and at shutdown) and reads them back
     * at start: after a restart (a deploy) the cache is as it was. Added to postgresql.conf (also of a cluster made
     * before) unless the file already names libraries to preload, which then must list it themselves.
     */
    static void preloadPrewarm(Path dataDir) throws IOException {
        Path conf = dataDir.resolve("postgresql.conf");
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        if (!text.lines().anyMatch(line -> line.strip().startsWith("shared_preload_libraries"))) {
            Files.writeString(conf, "shared_preload_libraries = 'pg_prewarm'\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private void ensureRolesAndDatabase() {
        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", SUPERUSER, credentials.getProperty("superuser"));
                Statement st = c.createStatement()) {
            ensureRole(st, OWNER_ROLE, ownerPassword(), "BYPASSRLS");
            ensureRole(st, APP_ROLE, appPassword(), "NOBYPASSRLS");
            try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE + " owner " + OWNER_ROLE + " encoding 'UTF8'");
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not prepare roles in the embedded PostgreSQL", ex);
        }
        try (Connection c = DriverManager.getConnection(base + DATABASE, SUPERUSER, credentials.getProperty("superuser"));
                Statement st = c.createStatement()) {
            // extensions the schema may use; created by the superuser so migrations need not be one
            for (String ext : List.of("pgcrypto", "citext", "unaccent", "pg_trgm", "btree_gist")) {
                st.execute("create extension if not exists " + ext + " schema public");
            }
            st.execute("revoke create on schema public from public");
            st.execute("grant usage, create on schema public to " + OWNER_ROLE);
            st.execute("grant usage on schema public to " + APP_ROLE);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not prepare the embedded database", ex);
        }
    }

    private static void ensureRole(Statement st, String role, String password, String rls) throws SQLException {
        boolean exists;
        try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE " + rls + " PASSWORD '" + password.replace("'", "''") + "'";
        st.execute((exists ? "alter role " : "create role ") + role + options);
    }

    /** The server running on this data directory in this JVM, if any. */
    public static java.util.Optional<EmbeddedPostgres> running(Path dataDir) {
        return java.util.Optional.ofNullable(RUNNING.get(dataDir.toAbsolutePath().normalize()));
    }

    /** An application context uses the server; it stops when the last one lets go. */
    public void acquire() {
        references.incrementAndGet();
    }

    public void release() {
        if (references.decrementAndGet() <= 0) {
            stop();
        }
    }

    public synchronized void stop() {
        try {
            ready.join();
        }
        catch (java.util.concurrent.CompletionException ex) {
            // it never started; there may still be a half-started server to stop
        }
        if (!startedHere || binDir == null || !Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        RUNNING.remove(dataDir.toAbsolutePath().normalize(), this);
        try {
            run(binDir, List.of("pg_ctl", "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60"), 90);
            if (ephemeral) {
                deleteTree(dataDir);
                Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".credentials"));
                Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
                try {
                    Files.deleteIfExists(dataDir.getParent()); // the throwaway parent, when now empty
                }
                catch (java.nio.file.DirectoryNotEmptyException ex) {
                    // shared with other files: leave it
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path binDir, List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("ambiosys-pg", ".out");
        try {
            int code = exec(binDir, command, out, timeoutSeconds);
            if (code != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + code + ":\n"
                        + Files.readString(out));
            }
        }
        finally {
            Files.deleteIfExists(out);
        }
    }

    private static int exec(Path binDir, List<String> command, Path output, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            // PostgreSQL will not run as root; in a new user namespace the same process is not root.
            full.addAll(List.of("unshare", "--user"));
        }
        full.add(binDir.resolve("bin").resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return process.exitValue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), ex);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
