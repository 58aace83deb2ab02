package com.ambiosys.platform.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ties the embedded PostgreSQL to the application context: every DataSource depends on a reference
 * to the server, so the server stops only after the pools and everything using them have closed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ambiosys.db.embedded", havingValue = "true")
class EmbeddedPostgresConfiguration {

    static final String REFERENCE = "embeddedPostgresReference";

    @Bean(REFERENCE)
    Reference embeddedPostgresReference(@Value("${ambiosys.db.embedded-data-dir}") String dataDir) {
        return new Reference(EmbeddedPostgres.running(Path.of(dataDir))
            .orElseThrow(() -> new IllegalStateException("Embedded PostgreSQL is not running")));
    }

    @Bean
    static BeanFactoryPostProcessor dataSourcesDependOnEmbeddedPostgres() {
        return (ConfigurableListableBeanFactory factory) -> {
            for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = factory.getBeanDefinition(name);
                String[] existing = definition.getDependsOn();
                String[] merged = existing == null ? new String[] { REFERENCE }
                        : java.util.stream.Stream.concat(java.util.Arrays.stream(existing), java.util.stream.Stream.of(REFERENCE))
                            .toArray(String[]::new);
                definition.setDependsOn(merged);
            }
        };
    }

    static final class Reference implements DisposableBean {
        private final EmbeddedPostgres server;

        Reference(EmbeddedPostgres server) {
            this.server = server;
            server.acquire();
            server.awaitReady(); // the context got this far while the server started
        }

        @Override
        public void destroy() {
            server.release();
        }
    }
}
