package com.ambiosys.simulator.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.security.RateBuckets;
import com.ambiosys.simulator.SimulatorEnabled;

/**
 * Per client IP, how many failed authentications the anonymous Graph endpoints take in a minute. Only
 * failures count, so the platform's own calls (with the channel's token) are never slowed; once an IP has
 * spent its failures, every request from it is refused before anything is looked up, until the bucket refills.
 */
@Component
@SimulatorEnabled
class GraphThrottle {

    private final RateBuckets buckets = RateBuckets.refilledEveryMinute(Duration.ofMinutes(10));
    private final int failuresPerMinute;

    GraphThrottle(@Value("${ambiosys.simulator.failed-auth-per-minute:30}") int failuresPerMinute) {
        this.failuresPerMinute = failuresPerMinute;
    }

    /** Whether this IP has no failures left: its requests are refused without a look. */
    boolean exhausted(String ip) {
        return buckets.spent(ip);
    }

    void failed(String ip) {
        buckets.of(ip, failuresPerMinute).tryConsume(1);
    }
}
