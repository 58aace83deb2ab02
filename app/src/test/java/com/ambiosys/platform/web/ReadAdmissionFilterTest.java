package com.ambiosys.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** Reads take turns: one at a time here; a second waits for the first, or gets a 503 problem after the timeout. */
class ReadAdmissionFilterTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static ProblemWriter problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ProblemWriter(new Problems(messages), JsonMapper.builder().build(), new WebConfiguration().localeResolver());
    }

    static MockHttpServletRequest get(String uri, String language) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.addHeader("Accept-Language", language);
        return request;
    }

    @Test
    void aSecondReadWaitsForTheFirstThenGoes() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofSeconds(10), problems());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
        Future<?> first = pool.submit(() -> {
            filter.doFilter(get("/api/v1/customers", "es"), new MockHttpServletResponse(), slow);
            return null;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch secondRan = new CountDownLatch(1);
        MockHttpServletResponse secondResponse = new MockHttpServletResponse();
        Future<?> second = pool.submit(() -> {
            filter.doFilter(get("/api/v1/service-requests", "es"), secondResponse, (req, res) -> secondRan.countDown());
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> filter.waiting() == 1);
        assertThat(secondRan.getCount()).as("waits while the first runs").isEqualTo(1);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(secondRan.getCount()).isZero();
        assertThat(secondResponse.getStatus()).isEqualTo(200);
        assertThat(filter.available()).isEqualTo(1);
    }

    @Test
    void aReadThatWaitsTooLongGetsABusyProblemInItsLanguage() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofMillis(100), problems());
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = pool.submit(() -> {
            filter.doFilter(get("/api/v1/customers", "es"), new MockHttpServletResponse(), (req, res) -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        boolean[] ran = { false };
        MockHttpServletResponse english = new MockHttpServletResponse();
        filter.doFilter(get("/api/v1/customers", "en"), english, (req, res) -> ran[0] = true);
        assertThat(ran[0]).isFalse();
        assertThat(english.getStatus()).isEqualTo(503);
        assertThat(english.getHeader("Retry-After")).isEqualTo("1");
        assertThat(english.getContentType()).startsWith("application/problem+json");
        assertThat(english.getContentAsString()).contains("Service busy");
        MockHttpServletResponse spanish = new MockHttpServletResponse();
        filter.doFilter(get("/api/v1/customers", "es"), spanish, (req, res) -> ran[0] = true);
        assertThat(spanish.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Servicio ocupado");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(filter.available()).isEqualTo(1);
    }

    @Test
    void writesStreamsAndPagesAreNotCounted() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofMillis(50), problems());
        int[] seen = { -1, -1, -1, -1, -1 };
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/v1/customers");
        filter.doFilter(post, new MockHttpServletResponse(), (req, res) -> seen[0] = filter.available());
        filter.doFilter(get("/api/v1/inbox/stream", "es"), new MockHttpServletResponse(),
                (req, res) -> seen[1] = filter.available());
        filter.doFilter(get("/customers", "es"), new MockHttpServletResponse(), (req, res) -> seen[2] = filter.available());
        MockHttpServletRequest sse = get("/api/v1/other-stream", "es");
        sse.addHeader("Accept", "text/event-stream");
        filter.doFilter(sse, new MockHttpServletResponse(), (req, res) -> seen[3] = filter.available());
        filter.doFilter(get("/api/v1/customers", "es"), new MockHttpServletResponse(),
                (req, res) -> seen[4] = filter.available());
        assertThat(seen).containsExactly(1, 1, 1, 1, 0);
        assertThat(filter.available()).isEqualTo(1);
    }
}
