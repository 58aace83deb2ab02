package com.ambiosys.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who this process is and who owns a file, in numbers (uids) and in names. The uid comes from {@code /proc/self},
 * which the process owns: {@code user.name} is "?" for a uid without a passwd entry, as in many containers.
 */
final class Owners {

    private static final int UNKNOWN = -1;

    private Owners() {
    }

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return UNKNOWN;
        }
    }

    static boolean isRoot() {
        int uid = currentUid();
        return uid == UNKNOWN ? "root".equals(System.getProperty("user.name")) : uid == 0;
    }

    /** The uid owning the path itself (a symbolic link is not followed), or -1 where there are no uids. */
    static int ownerUid(Path path) throws IOException {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        }
        catch (UnsupportedOperationException | IllegalArgumentException ex) {
            return UNKNOWN;
        }
    }

    static boolean ownedByCurrentUser(Path path) throws IOException {
        int owner = ownerUid(path);
        return owner == UNKNOWN || owner == currentUid();
    }

    static String ownerName(Path path) {
        try {
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        }
        catch (IOException | UnsupportedOperationException ex) {
            return "an unknown user";
        }
    }

    static String currentUserName() {
        String name = System.getProperty("user.name");
        return name == null || name.equals("?") ? "uid " + currentUid() : name;
    }
}
