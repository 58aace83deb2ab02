package com.ambiosys.platform.database;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders of this user's own that hold code it will run: the embedded database's binaries and the fast
 * launcher's extracted jars. JDK only: the launcher uses it before any Spring class is loaded.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /**
     * The folder, created owner-only (0700) if it is not there; refused if it exists but belongs to someone
     * else (in {@code /tmp} anyone may make it first), itself or where it leads, or is not a folder.
     */
    public static Path ownFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            catch (FileAlreadyExistsException ex) {
                // made meanwhile, by a start of ours or by someone else: checked below
            }
        }
        if (!Owners.ownedByCurrentUser(folder) || !Owners.ownedByCurrentUser(folder.toRealPath())) {
            throw new NotOurs(folder + " is owned by " + Owners.ownerName(folder) + ", not by user "
                    + Owners.currentUserName());
        }
        if (!Files.isDirectory(folder)) {
            throw new NotOurs(folder + " is not a folder");
        }
        return folder;
    }

    /** Deletes the folder and all it holds (a symbolic link in it is removed, not followed). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A folder that exists but may not be used: someone else's, or not a folder. */
    public static final class NotOurs extends IOException {
        NotOurs(String message) {
            super(message);
        }
    }
}
