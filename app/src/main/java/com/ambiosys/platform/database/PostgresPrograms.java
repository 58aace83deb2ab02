package com.ambiosys.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's programs ({@code initdb}, {@code pg_ctl}): as root inside a new user namespace, where the process
 * is not root (PostgreSQL refuses root; docs/decisions/0001-embedded-postgres-launcher.md). A failure is one line with
 * the last lines the program wrote.
 */
final class PostgresPrograms {

    private PostgresPrograms() {
    }

    static void run(Path binDir, List<String> command, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("ambiosys-pg", ".out");
        try {
            int code = exec(binDir, command, out, timeoutSeconds);
            if (code != 0) {
                throw new EmbeddedPostgresException(command.get(0) + " failed (exit code " + code + "): "
                        + EmbeddedPostgresException.lastLines(Files.readAllLines(out), 5));
            }
        }
        finally {
            Files.deleteIfExists(out);
        }
    }

    private static int exec(Path binDir, List<String> command, Path output, int timeoutSeconds) throws IOException {
        List<String> full = new ArrayList<>();
        if (Owners.isRoot()) {
            // PostgreSQL will not run as root; in a new user namespace the same process is not root.
            full.addAll(List.of("unshare", "--user"));
        }
        full.add(binDir.resolve("bin").resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new EmbeddedPostgresException(Owners.isRoot()
                    ? "as root it runs PostgreSQL inside 'unshare --user' (util-linux), which could not run: "
                            + ex.getMessage() + "; install util-linux, run as another user or set AMBIOSYS_DB_URL"
                    : "could not run " + full.get(0) + ": " + ex.getMessage(), ex);
        }
        try {
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

    /** The lines the server logged since the given offset that say why it stopped (a busy port, another version). */
    static String serverLogTail(Path log, long from) {
        try (var channel = Files.newByteChannel(log)) {
            channel.position(Math.min(from, channel.size()));
            String text = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            String tail = EmbeddedPostgresException.lastLines(text.lines().toList(), 3);
            return tail.isEmpty() ? "it logged nothing" : tail;
        }
        catch (IOException ex) {
            return "its log could not be read (" + ex.getMessage() + ")";
        }
    }
}
