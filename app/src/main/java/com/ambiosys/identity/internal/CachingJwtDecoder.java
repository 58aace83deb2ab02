package com.ambiosys.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct access token's signature once: a token string already verified maps to the
 * same claims until it expires. ECDSA verification is the costliest step of an authenticated request,
 * and a client sends the same token for its whole 15 minutes. Cached or not, a token whose signing key
 * has been retired is refused: the key's kid is checked against the active keys on every call.
 */
class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Predicate<String> activeKid;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterWrite(Duration.ofMinutes(5)).build();

    CachingJwtDecoder(JwtDecoder delegate, Predicate<String> activeKid) {
        this.delegate = delegate;
        this.activeKid = activeKid;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(Instant.now())) {
            return requireActiveKey(cached);
        }
        Jwt jwt = requireActiveKey(delegate.decode(token));
        verified.put(token, jwt);
        return jwt;
    }

    private Jwt requireActiveKey(Jwt jwt) {
        Object kid = jwt.getHeaders().get("kid");
        if (!(kid instanceof String id) || !activeKid.test(id)) {
            throw new BadJwtException("The token's signing key is not active");
        }
        return jwt;
    }
}
