package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import com.ambiosys.AmbiosysApplication;
import com.ambiosys.platform.database.DatabaseEnvironmentPostProcessor;
import com.ambiosys.platform.database.EmbeddedPostgres;

/**
 * With AMBIOSYS_DB_URL the application uses that PostgreSQL: migrations as the owner, everything else
 * as the application role, and no embedded server of its own. The "external" server here is one we
 * start ourselves, with the two roles an operator would create.
 */
class ExternalDatabaseTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalServer() {
        external = EmbeddedPostgres.start(dir.resolve("external"), true).awaitReady();
    }

    @AfterAll
    static void stopExternalServer() {
        external.stop();
    }

    @Test
    void runsOnTheConfiguredDatabaseAsTheApplicationRole() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // command-line arguments: they take precedence over application.yml, as environment variables do
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AmbiosysApplication.class)
            .run("--ambiosys.db.url=" + external.jdbcUrl(), "--ambiosys.db.user=" + EmbeddedPostgres.APP_ROLE,
                    "--ambiosys.db.password=" + external.appPassword(),
                    "--ambiosys.db.owner-user=" + EmbeddedPostgres.OWNER_ROLE,
                    "--ambiosys.db.owner-password=" + external.ownerPassword(),
                    "--ambiosys.encryption-key=" + Base64.getEncoder().encodeToString(key),
                    "--ambiosys.demo.enabled=true", "--ambiosys.admin.password=Externa-Clave-2026",
                    "--ambiosys.jobs.enabled=false", "--server.port=0")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedPostgres.APP_ROLE);
            assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(external.port());
            assertThat(jdbc.sql("select count(*) from tenants where slug = 'ambiotec-demo'").query(Long.class).single())
                .isEqualTo(1);
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'users'").query(String.class).single())
                .isEqualTo(EmbeddedPostgres.OWNER_ROLE);
            assertThat(context.getEnvironment().getProperty("ambiosys.db.embedded")).isEqualTo("false");
            // safe by default: with an external database the simulator is off unless switched on
            assertThat(context.getEnvironment().getProperty("ambiosys.simulator.enabled")).isEqualTo("false");
            assertThat(context.getBeanNamesForType(com.ambiosys.simulator.SimulatedGraph.class)).isEmpty();
        }
    }

    /**
     * One role for migrations and the application: it owns the tables and bypasses RLS, so it must not start.
     * On a server of its own: the migrations it runs grant the application's rights to that one role.
     */
    @Test
    void aSingleRoleSetupRefusesToStartAndSaysWhatToChange() {
        EmbeddedPostgres single = EmbeddedPostgres.start(dir.resolve("single-role"), true).awaitReady();
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            assertThatThrownBy(() -> new SpringApplicationBuilder(AmbiosysApplication.class)
                .run("--ambiosys.db.url=" + single.jdbcUrl(), "--ambiosys.db.user=" + EmbeddedPostgres.OWNER_ROLE,
                        "--ambiosys.db.password=" + single.ownerPassword(),
                        "--ambiosys.db.owner-user=" + EmbeddedPostgres.OWNER_ROLE,
                        "--ambiosys.db.owner-password=" + single.ownerPassword(),
                        "--ambiosys.encryption-key=" + Base64.getEncoder().encodeToString(key),
                        "--ambiosys.demo.enabled=false", "--ambiosys.jobs.enabled=false", "--server.port=0"))
                .rootCause()
                .hasMessageContaining("has BYPASSRLS")
                .hasMessageContaining("owns")
                .hasMessageContaining("AMBIOSYS_DB_USER");
        }
        finally {
            single.stop();
        }
    }

    @Test
    void theSimulatorAndOpenOperationsEndpointsAreOffWithAnExternalDatabaseUnlessEnabled() {
        MockEnvironment byDefault = external().withProperty("ambiosys.simulator.enabled", "");
        new DatabaseEnvironmentPostProcessor().postProcessEnvironment(byDefault, new SpringApplication(AmbiosysApplication.class));
        assertThat(byDefault.getProperty("ambiosys.simulator.enabled")).isEqualTo("false");
        assertThat(byDefault.getProperty("ambiosys.ops.public")).isEqualTo("false");

        MockEnvironment explicit = external().withProperty("ambiosys.simulator.enabled", "true");
        new DatabaseEnvironmentPostProcessor().postProcessEnvironment(explicit, new SpringApplication(AmbiosysApplication.class));
        assertThat(explicit.getProperty("ambiosys.simulator.enabled")).isEqualTo("true");
    }

    private static MockEnvironment external() {
        return new MockEnvironment().withProperty("ambiosys.db.url", "jdbc:postgresql://db/ambiosys")
            .withProperty("ambiosys.db.user", "app").withProperty("ambiosys.encryption-key", "a2V5");
    }

    @Test
    void anExternalDatabaseWithoutAnEncryptionKeyIsAClearStartupError() {
        MockEnvironment env = new MockEnvironment().withProperty("ambiosys.db.url", "jdbc:postgresql://db/ambiosys")
            .withProperty("ambiosys.db.user", "app");
        assertThatThrownBy(() -> new DatabaseEnvironmentPostProcessor().postProcessEnvironment(env,
                new SpringApplication(AmbiosysApplication.class)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("AMBIOSYS_ENCRYPTION_KEY");
        MockEnvironment noUser = new MockEnvironment().withProperty("ambiosys.db.url", "jdbc:postgresql://db/ambiosys");
        assertThatThrownBy(() -> new DatabaseEnvironmentPostProcessor().postProcessEnvironment(noUser,
                new SpringApplication(AmbiosysApplication.class)))
            .hasMessageContaining("AMBIOSYS_DB_USER");
    }
}
