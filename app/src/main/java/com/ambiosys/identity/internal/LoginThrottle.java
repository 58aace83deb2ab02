package com.ambiosys.identity.internal;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.errors.RateLimitedException;
import com.ambiosys.platform.security.RateBuckets;


/**
 * Rate limits of the authentication endpoints, per client IP and per account (email) from that IP, with
 * Bucket4j ({@link RateBuckets}). The client IP is {@code request.getRemoteAddr()}: the socket's peer, or with
 * {@code server.forward-headers-strategy=native} what Tomcat's RemoteIpValve took from a trusted proxy's
 * {@code X-Forwarded-For}; the header itself is never read here. Buckets live in this instance's memory:
 * with N instances the effective limit is up to N times higher, which the back-off of wrong passwords
 * ({@link LoginBackoff}, stored in the database) does not suffer from.
 */
@Component
class LoginThrottle {

    private final RateBuckets buckets = RateBuckets.refilledEvenly(Duration.ofMinutes(15));
    private final int perIpPerMinute;
    private final int perAccountPerMinute;

    LoginThrottle(@Value("${ambiosys.security.rate-limit.per-ip-per-minute:60}") int perIpPerMinute,
            @Value("${ambiosys.security.rate-limit.per-account-per-minute:10}") int perAccountPerMinute) {
        this.perIpPerMinute = perIpPerMinute;
        this.perAccountPerMinute = perAccountPerMinute;
    }

    void check(String ip, String account) {
        consume("ip:" + ip, perIpPerMinute);
        if (account != null) {
            // per account and IP: a limit per account alone would let anyone keep its owner out
            consume("account:" + account.toLowerCase(Locale.ROOT) + "|" + ip, perAccountPerMinute);
        }
    }

    private void consume(String key, int perMinute) {
        ConsumptionProbe probe = buckets.of(key, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new RateLimitedException("rate-limited", seconds);
        }
    }
}
