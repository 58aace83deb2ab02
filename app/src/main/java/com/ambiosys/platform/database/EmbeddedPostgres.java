package com.ambiosys.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    /** The default {@code shared_buffers}: a year of a busy tenant's service requests and their indexes (docs/performance-history.md). */
    public static final String DEFAULT_SHARED_BUFFERS = "512MB";

    /** Where to unpack the binaries instead of the per-user cache ({@code AMBIOSYS_DB_BINARIES_DIR}). */
    static final String BINARIES_DIR = "ambiosys.db.binaries-dir";
    private static final String DATA_REMEDY = "set AMBIOSYS_DATA_DIR to a folder of yours or change its owner";

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Path dataDir;
    private volatile Path binDir;
    private final boolean ephemeral;
    private final List<Path> binaryRoots;
    private final java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
    private final Properties credentials;
    private final int port;
    private final boolean startedHere;
    private final String sharedBuffers;
    private final java.util.concurrent.atomic.AtomicInteger references = new java.util.concurrent.atomic.AtomicInteger();

    private EmbeddedPostgres(Path dataDir, boolean ephemeral, Properties credentials, int port, boolean startedHere,
            String sharedBuffers, List<Path> binaryRoots) {
        this.dataDir = dataDir;
        this.binaryRoots = binaryRoots;
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
        return start(dataDir, ephemeral, sharedBuffers,
                PostgresBinaries.candidates(System.getProperty(BINARIES_DIR), System.getenv()));
    }

    /** As {@link #start(Path, boolean, String)}, unpacking the binaries into the first of the folders that is ours. */
    static EmbeddedPostgres start(Path dataDir, boolean ephemeral, String sharedBuffers, List<Path> binaryRoots) {
        if (sharedBuffers == null || !sharedBuffers.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("ambiosys.db.shared-buffers must be a size such as 512MB or 2GB, not "
                    + sharedBuffers);
        }
        Path key = dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> launch(dir, ephemeral, sharedBuffers, binaryRoots));
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
    private static EmbeddedPostgres launch(Path dataDir, boolean ephemeral, String sharedBuffers, List<Path> binaryRoots) {
        try {
            checkOwnDataDir(dataDir);
            Path credentialsFile = dataDir.resolveSibling(dataDir.getFileName() + ".credentials");
            Properties credentials = EmbeddedCredentials.loadOrCreate(credentialsFile);
            Integer runningPort = runningPort(dataDir);
            boolean startedHere = runningPort == null;
            int port = startedHere ? freePort() : runningPort;
            EmbeddedPostgres server = new EmbeddedPostgres(dataDir, ephemeral, credentials, port, startedHere,
                    sharedBuffers, binaryRoots);
            Thread starter = new Thread(server::bringUp, "embedded-postgres-start");
            starter.setDaemon(true);
            starter.start();
            return server;
        }
        catch (IOException ex) {
            throw EmbeddedPostgresException.of(ex, DATA_REMEDY);
        }
    }

    /** PostgreSQL runs only on a data folder of its own user: say so before it does, in words. */
    private static void checkOwnDataDir(Path dataDir) throws IOException {
        for (Path path : List.of(dataDir, dataDir.getParent())) {
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Owners.ownedByCurrentUser(path)) {
                throw new EmbeddedPostgresException(path + " is owned by " + Owners.ownerName(path) + ", not by user "
                        + Owners.currentUserName() + " (the data folder must be the user's own); " + DATA_REMEDY);
            }
        }
        if (Files.exists(dataDir.getParent()) && !Files.isWritable(dataDir.getParent())) {
            throw new EmbeddedPostgresException(dataDir.getParent() + " is not writable by user "
                    + Owners.currentUserName() + "; " + DATA_REMEDY);
        }
    }

    private void bringUp() {
        try {
            binDir = PostgresBinaries.extract(binaryRoots);
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
        catch (EmbeddedPostgresException ex) {
            ready.completeExceptionally(ex);
        }
        catch (IOException ex) {
            ready.completeExceptionally(EmbeddedPostgresException.of(ex, DATA_REMEDY));
        }
        catch (RuntimeException ex) {
            ready.completeExceptionally(new EmbeddedPostgresException(ex.getMessage() + " (data folder " + dataDir + ")", ex));
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
            throw ex.getCause() instanceof EmbeddedPostgresException failure ? failure
                    : new EmbeddedPostgresException(ex.getCause().getMessage(), ex.getCause());
        }
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
            PostgresPrograms.run(binDir, List.of("initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
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
        // every ~7 s (docs/performance-history.md, inbox section). Space is then taken as WAL is written, as on COW file
        // systems, for which PostgreSQL offers the setting.
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        try {
            PostgresPrograms.run(binDir, List.of("pg_ctl", "start", "-D", dataDir.toString(), "-w", "-t", "120", "-l", log.toString(),
                    "-o", "-p " + port + " -c shared_buffers=" + sharedBuffers + " -c wal_init_zero=off"), 180);
        }
        catch (EmbeddedPostgresException ex) {
            // pg_ctl only says "could not start server"; the server's log of this start says why
            throw new EmbeddedPostgresException("the server did not start on port " + port + " with data folder "
                    + dataDir + ": " + PostgresPrograms.serverLogTail(log, logStart) + " (log: " + log + ")", ex);
        }
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
            throw new IllegalStateException("could not prepare its roles: " + ex.getMessage(), ex);
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
            throw new IllegalStateException("could not prepare database " + DATABASE + ": " + ex.getMessage(), ex);
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
            PostgresPrograms.run(binDir, List.of("pg_ctl", "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60"), 90);
            if (ephemeral) {
                UserFolders.deleteTree(dataDir);
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
}
