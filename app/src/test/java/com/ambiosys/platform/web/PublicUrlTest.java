package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlTest {

    private static PublicUrl of(String configured, MockEnvironment environment) {
        return new PublicUrl(new WebProperties(configured, List.of("http://localhost:8080"), 1024, 0, Duration.ofSeconds(1)),
                environment);
    }

    @Test
    void unsetItIsThisServerOnThePortItListensOn() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "9090")
            .withProperty("local.server.port", "9090");
        assertThat(of("", environment).value()).isEqualTo("http://localhost:9090");
        assertThat(of(null, new MockEnvironment().withProperty("local.server.port", "41234")).value())
            .as("a random port, known once the server listens").isEqualTo("http://localhost:41234");
    }

    @Test
    void beforeTheServerListensItIsTheConfiguredPortOr8080() {
        assertThat(of("", new MockEnvironment().withProperty("server.port", "9191")).value()).isEqualTo("http://localhost:9191");
        assertThat(of(" ", new MockEnvironment()).value()).isEqualTo("http://localhost:8080");
    }

    @Test
    void anExplicitPublicUrlWinsOverThePort() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "9090");
        assertThat(of("https://crm.ambiotec.example/", environment).value()).isEqualTo("https://crm.ambiotec.example");
    }
}
