package com.ambiosys.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The decoder's cache, by what it answers: a verifier that changes its mind shows which answers come from
 * the cache. (How much verification the cache saves is measured in bench/, not asserted here.)
 */
class CachingJwtDecoderTest {

    /** A verifier that accepts the tokens in {@code valid}, with the expiry the token's name says. */
    private static JwtDecoder verifier(Set<String> valid) {
        return token -> {
            if (!valid.contains(token)) {
                throw new BadJwtException("bad signature");
            }
            Instant exp = token.startsWith("expired") ? Instant.now().minusSeconds(1) : Instant.now().plusSeconds(600);
            return Jwt.withTokenValue(token).header("alg", "ES256").header("kid", "k1").subject("u").expiresAt(exp)
                .issuedAt(exp.minusSeconds(900)).build();
        };
    }

    @Test
    void aTokenVerifiedOnceIsAcceptedFromTheCacheUntilItExpires() {
        Set<String> valid = new HashSet<>(Set.of("token-a"));
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(valid), kid -> true);
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("u");

        valid.clear();

        assertThat(decoder.decode("token-a").getSubject()).as("served from the cache").isEqualTo("u");
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() {
        Set<String> valid = new HashSet<>(Set.of("expired-token"));
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(valid), kid -> true);
        decoder.decode("expired-token");

        valid.clear();

        assertThatThrownBy(() -> decoder.decode("expired-token")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aRefusedTokenIsNotRememberedAsRefused() {
        Set<String> valid = new HashSet<>();
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(valid), kid -> true);
        assertThatThrownBy(() -> decoder.decode("token-b")).isInstanceOf(BadJwtException.class);

        valid.add("token-b"); // for example, a key another instance has just made

        assertThat(decoder.decode("token-b").getSubject()).isEqualTo("u");
    }

    @Test
    void aTokenAlreadyVerifiedIsRefusedOnceItsSigningKeyIsRetired() {
        Set<String> active = new HashSet<>(Set.of("k1"));
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier(Set.of("token-a", "token-b")), active::contains);
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("u");

        active.remove("k1");

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("token-b")).isInstanceOf(BadJwtException.class);
    }
}
