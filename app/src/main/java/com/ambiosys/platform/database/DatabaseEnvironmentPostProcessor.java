package com.ambiosys.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, which PostgreSQL the application uses. With {@code AMBIOSYS_DB_URL}
 * it is that one: the application connects as {@code AMBIOSYS_DB_USER} and migrations run as
 * {@code AMBIOSYS_DB_OWNER_USER}. Without it, an embedded PostgreSQL starts with its data under
 * {@code AMBIOSYS_DATA_DIR/postgres} (or a throwaway directory when {@code ambiosys.db.ephemeral} is
 * true, as in tests) and its binaries in a folder of the user's own ({@link PostgresBinaries}), and the first run needs no configuration at all. The WhatsApp simulator follows:
 * unless {@code AMBIOSYS_SIMULATOR_ENABLED} says otherwise, it is on with the embedded database and off
 * with an external one.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ambiosysDatabase";

    /** One throwaway server per JVM: every application context of a test run shares it. */
    private static final Path EPHEMERAL_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "ambiosys-test-pg-" + Owners.currentUid(), UUID.randomUUID().toString(), "postgres");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(SOURCE)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("ambiosys.db.url");
        Path dataDir = Path.of(env.getProperty("ambiosys.data-dir", "./data"));
        if (StringUtils.hasText(url)) {
            String user = require(env, "ambiosys.db.user", "AMBIOSYS_DB_USER");
            String password = env.getProperty("ambiosys.db.password", "");
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", user);
            props.put("spring.datasource.password", password);
            props.put("spring.flyway.url", url);
            props.put("spring.flyway.user", env.getProperty("ambiosys.db.owner-user", user));
            props.put("spring.flyway.password", env.getProperty("ambiosys.db.owner-password", password));
            props.put("spring.flyway.placeholders.appRole", user);
            props.put("ambiosys.db.embedded", "false");
            if (!StringUtils.hasText(env.getProperty("ambiosys.encryption-key"))) {
                throw new IllegalStateException("AMBIOSYS_ENCRYPTION_KEY is required with an external database "
                        + "(32 random bytes, base64; for example: openssl rand -base64 32)");
            }
        }
        else {
            boolean ephemeral = env.getProperty("ambiosys.db.ephemeral", Boolean.class, false);
            Path pgData = ephemeral ? EPHEMERAL_DIR : dataDir.resolve("postgres");
            EmbeddedPostgres pg = EmbeddedPostgres.start(pgData, ephemeral,
                    env.getProperty("ambiosys.db.shared-buffers", EmbeddedPostgres.DEFAULT_SHARED_BUFFERS),
                    PostgresBinaries.candidates(env.getProperty(EmbeddedPostgres.BINARIES_DIR), System.getenv()));
            props.put("spring.datasource.url", pg.jdbcUrl());
            props.put("spring.datasource.username", EmbeddedPostgres.APP_ROLE);
            props.put("spring.datasource.password", pg.appPassword());
            props.put("spring.flyway.url", pg.jdbcUrl());
            props.put("spring.flyway.user", EmbeddedPostgres.OWNER_ROLE);
            props.put("spring.flyway.password", pg.ownerPassword());
            props.put("spring.flyway.placeholders.appRole", EmbeddedPostgres.APP_ROLE);
            props.put("ambiosys.db.embedded", "true");
            props.put("ambiosys.db.embedded-data-dir", pgData.toAbsolutePath().toString());
            if (!StringUtils.hasText(env.getProperty("ambiosys.encryption-key"))) {
                props.put("ambiosys.encryption-key", ephemeral ? EPHEMERAL_KEY : localKey(dataDir));
            }
        }
        if (!StringUtils.hasText(env.getProperty(SIMULATOR))) {
            // safe by default: the simulator answers anonymous Graph calls, fine for a first run, not for production
            props.put(SIMULATOR, String.valueOf(!StringUtils.hasText(url)));
            props.put(SIMULATOR + "-by-default", "true");
        }
        if (!StringUtils.hasText(env.getProperty(OPS_PUBLIC))) {
            // metrics and the API's description, open on a first run, behind a token in production
            props.put(OPS_PUBLIC, String.valueOf(!StringUtils.hasText(url)));
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE, props));
    }

    static final String OPS_PUBLIC = "ambiosys.ops.public";
    static final String SIMULATOR = "ambiosys.simulator.enabled";

    private static final String EPHEMERAL_KEY = randomKey();

    private static String require(ConfigurableEnvironment env, String property, String variable) {
        String value = env.getProperty(property);
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException(variable + " is required when AMBIOSYS_DB_URL is set");
        }
        return value;
    }

    /** The embedded mode's encryption key, made on first start and kept beside the data. */
    private static String localKey(Path dataDir) {
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDir);
            String key = randomKey();
            Files.writeString(file, key + "\n");
            Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create " + file, ex);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
