package com.ambiosys.platform.time;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /**
     * UTC, ticking in microseconds: PostgreSQL keeps microseconds, so an instant the application
     * computes with is exactly the one it reads back (with nanoseconds, a stored time could read back
     * later than the "now" it was compared with).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
