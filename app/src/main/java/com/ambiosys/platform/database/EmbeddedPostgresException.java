package com.ambiosys.platform.database;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded PostgreSQL could not start. The message is one line that names the cause and what to do, for the
 * operator who reads only the first line of a failed start (the failure analyzer prints it without the stack).
 */
public final class EmbeddedPostgresException extends IllegalStateException {

    static final String PREFIX = "Embedded PostgreSQL could not start: ";

    EmbeddedPostgresException(String cause) {
        super(PREFIX + oneLine(cause));
    }

    EmbeddedPostgresException(String cause, Throwable source) {
        super(PREFIX + oneLine(cause), source);
    }

    /** What went wrong with a file, said for a person: who may not write where, and who owns it. */
    static EmbeddedPostgresException of(IOException ex, String remedy) {
        if (ex instanceof AccessDeniedException denied && denied.getFile() != null) {
            Path file = Path.of(denied.getFile());
            return new EmbeddedPostgresException(file + " is not writable by user " + Owners.currentUserName() + " ("
                    + ownerOfNearest(file) + "); " + remedy, ex);
        }
        if (ex instanceof FileSystemException fs && fs.getFile() != null) {
            return new EmbeddedPostgresException(fs.getFile() + ": " + (fs.getReason() == null
                    ? ex.getClass().getSimpleName() : fs.getReason()) + "; " + remedy, ex);
        }
        return new EmbeddedPostgresException(ex.getMessage() + "; " + remedy, ex);
    }

    /** The owner of the file or of its nearest existing folder: the one that denies the access. */
    static String ownerOfNearest(Path file) {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "no part of it exists";
        }
        return existing + " is owned by " + Owners.ownerName(existing);
    }

    /** The last lines of a program's output or log that say why it failed, joined into one. */
    static String lastLines(List<String> lines, int count) {
        List<String> meaningful = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> fatal = meaningful.stream()
            .filter(l -> l.contains("FATAL:") || l.contains("PANIC:") || l.contains("DETAIL:") || l.contains("HINT:"))
            .toList();
        List<String> chosen = fatal.isEmpty() ? meaningful : fatal;
        return String.join(" | ", chosen.subList(Math.max(0, chosen.size() - count), chosen.size()));
    }

    private static String oneLine(String text) {
        return text == null ? "unknown cause" : text.replaceAll("\\s*\\R\\s*", " | ").strip();
    }
}
