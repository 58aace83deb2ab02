package com.ambiosys.simulator.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.ambiosys.simulator.SimulatorEnabled;

/**
 * Per client IP, how many failed authentications the anonymous Graph endpoints take in a minute. Only
 * failures count, so the platform's own calls (with the channel's token) are never slowed; once an IP has
 * spent its failures, every request from it is refused before anything is looked up, until the bucket refills.
 */
@Component
@SimulatorEnabled
class GraphThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int failuresPerMinute;

    GraphThrottle(@Value("${ambiosys.simulator.failed-auth-per-minute:30}") int failuresPerMinute) {
        this.failuresPerMinute = failuresPerMinute;
    }

    /** Whether this IP has no failures left: its requests are refused without a look. */
    boolean exhausted(String ip) {
        Bucket bucket = buckets.getIfPresent(ip);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void failed(String ip) {
        buckets.get(ip, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(failuresPerMinute).refillIntervally(failuresPerMinute, Duration.ofMinutes(1))
                .build())
            .build()).tryConsume(1);
    }
}
