package com.ambiosys.support;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import com.ambiosys.AmbiosysApplication;

/**
 * A second instance of the application, as a deployment runs it: its own application context (beans, pools,
 * listeners, web server on a random port), started by a test beside the shared test context on the same
 * database: what one instance does, the other must see. It runs no jobs unless told, seeds no demo, has a
 * clock the test moves, and the properties the test gives. Close it when done.
 */
public final class SecondInstance implements AutoCloseable {

    public final ConfigurableApplicationContext context;
    public final MovableClock clock;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.clock = context.getBean(MovableClock.class);
    }

    /** {@code properties} as {@code name=value}; they win over the configuration files, like command-line arguments. */
    public static SecondInstance start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ambiosys.demo.enabled=false",
                "--ambiosys.jobs.enabled=false"));
        Arrays.stream(properties).map(p -> "--" + p).forEach(args::add);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AmbiosysApplication.class, Clocks.class)
            .profiles("test")
            .initializers(c -> c.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
            .run(args.toArray(String[]::new));
        return new SecondInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Not a {@code @Configuration}: given to the builder only, so no component scan finds it. */
    public static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The system clock (in microseconds, like the application's), moved forward by what the test says. */
    public static final class MovableClock extends Clock {
        private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(d -> d.plus(by));
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * What Spring Boot's test support does for its own contexts: the component scan skips test classes and
     * their nested configurations (another test's database switch, for one).
     */
    static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String name = reader.getClassMetadata().getClassName();
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            return outer.endsWith("Test") || outer.endsWith("Tests")
                    || reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
