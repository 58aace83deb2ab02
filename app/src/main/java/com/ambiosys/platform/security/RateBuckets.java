package com.ambiosys.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Bucket4j buckets by key (a client IP, an account from an IP), each holding so many tokens a minute, in this
 * instance's memory: with N instances a limit is up to N times higher. A bucket unused for a while is forgotten
 * (it would be full again anyway), and at most 100,000 are kept, so a flood of keys cannot exhaust the memory.
 */
public final class RateBuckets {

    private final Cache<String, Bucket> buckets;
    private final boolean greedy;

    private RateBuckets(Duration forgetAfter, boolean greedy) {
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(forgetAfter).build();
        this.greedy = greedy;
    }

    /** Buckets that refill a token at a time, evenly over the minute. */
    public static RateBuckets refilledEvenly(Duration forgetAfter) {
        return new RateBuckets(forgetAfter, true);
    }

    /** Buckets that refill whole, once a minute (a count per minute). */
    public static RateBuckets refilledEveryMinute(Duration forgetAfter) {
        return new RateBuckets(forgetAfter, false);
    }

    /** The key's bucket, made full with {@code perMinute} tokens if it has none. */
    public Bucket of(String key, int perMinute) {
        return buckets.get(key, k -> {
            var limit = Bandwidth.builder().capacity(perMinute);
            return Bucket.builder().addLimit((greedy ? limit.refillGreedy(perMinute, Duration.ofMinutes(1))
                    : limit.refillIntervally(perMinute, Duration.ofMinutes(1))).build()).build();
        });
    }

    /** Whether the key has a bucket and it is empty (a key never seen has all its tokens). */
    public boolean spent(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }
}
