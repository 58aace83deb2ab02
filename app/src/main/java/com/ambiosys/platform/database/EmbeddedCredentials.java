package com.ambiosys.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;

/** The generated passwords of the embedded server's three roles, kept beside its data (mode 0600). */
final class EmbeddedCredentials {

    private EmbeddedCredentials() {
    }

    static Properties loadOrCreate(Path file) throws IOException {
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
}
