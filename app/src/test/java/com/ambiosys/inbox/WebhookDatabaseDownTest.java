package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.annotation.DirtiesContext;

import com.ambiosys.support.TenantApiTest;

/**
 * The webhook answers 503 (with {@code Retry-After}) and stores nothing when the database is unavailable, so
 * that Meta retries; the retry, once the database is back, is stored exactly once.
 *
 * <p>How the database is made unavailable: this class runs in its own application context (it imports
 * {@link DatabaseSwitch}, and is closed afterwards) whose {@code dataSource} bean is wrapped so that, while the
 * switch is down, every {@code getConnection()} throws the {@link SQLTransientConnectionException} that HikariCP
 * throws when it cannot get a connection from PostgreSQL in time (the server stopped, the network cut, the pool
 * exhausted). Everything above the pool is the real thing: the controller, the signature check, the channel
 * look-up, the tenant transaction and Spring's translation into {@code CannotGetJdbcConnectionException}. Stopping
 * the embedded PostgreSQL itself would be more literal but would take the database away from every other test
 * context of the run, which shares it; cutting the connection at the pool is the closest honest point that
 * affects this context alone.
 */
@Import(WebhookDatabaseDownTest.DatabaseSwitch.class)
@DirtiesContext
class WebhookDatabaseDownTest extends TenantApiTest {

    static final AtomicBoolean DOWN = new AtomicBoolean();

    @TestConfiguration(proxyBeanMethods = false)
    static class DatabaseSwitch {
        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                        return new DelegatingDataSource(dataSource) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                check();
                                return super.getConnection();
                            }

                            @Override
                            public Connection getConnection(String user, String password) throws SQLException {
                                check();
                                return super.getConnection(user, password);
                            }
                        };
                    }
                    return bean;
                }
            };
        }

        static void check() throws SQLTransientConnectionException {
            if (DOWN.get()) {
                throw new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)",
                        "08001");
            }
        }
    }

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void up() {
        DOWN.set(false);
    }

    HttpResponse<Void> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
            .header("X-Hub-Signature-256", WhatsAppWebhookTest.sign(body, WhatsAppWebhookTest.SECRET))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    long stored() {
        return tenantTx.read(tenant.id(), s -> jdbc.sql("select count(*) from inbox_messages where tenant_id = :t")
            .param("t", tenant.id()).query(Long.class).single());
    }

    @Test
    void withoutADatabaseTheWebhookAnswers503AndMetasRetryIsStoredOnce() throws Exception {
        String phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        assertThat(api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId,
                "accessToken", "EAAG-token-caida-0001", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken",
                "verificar-caida")).token(admin).send().status()).isEqualTo(201);
        String body = WhatsAppWebhookTest.message(phoneNumberId, "50255551234", "wamid.DOWN1",
                System.currentTimeMillis() / 1000, "text", "\"text\":{\"body\":\"¿Hay alguien?\"}");

        DOWN.set(true);
        HttpResponse<Void> refused = post(body);
        DOWN.set(false);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(stored()).isZero();

        assertThat(post(body).statusCode()).isEqualTo(200); // Meta retries
        assertThat(post(body).statusCode()).isEqualTo(200); // and perhaps once more
        assertThat(stored()).isEqualTo(1);
    }
}
