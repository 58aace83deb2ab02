package com.ambiosys.identity;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct access token's signature once: a token string already verified maps to the
 * same claims until it expires. ECDSA verification is the costliest step of an authenticated request,
 * and a client sends the same token for its whole 15 minutes.
 */
class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterWrite(Duration.ofMinutes(5)).build();

    CachingJwtDecoder(JwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(Instant.now())) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
