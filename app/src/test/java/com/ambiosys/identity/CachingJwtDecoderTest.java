package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    @Test
    void verifiesEachDistinctTokenOnceUntilItExpires() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder verifying = token -> {
            verifications.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("bad signature");
            }
            Instant exp = token.startsWith("expired") ? Instant.now().minusSeconds(1) : Instant.now().plusSeconds(600);
            return Jwt.withTokenValue(token).header("alg", "ES256").header("kid", "k1").subject("u").expiresAt(exp)
                .issuedAt(exp.minusSeconds(900)).build();
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, kid -> true);
        for (int i = 0; i < 100; i++) {
            assertThat(decoder.decode("token-a").getSubject()).isEqualTo("u");
        }
        assertThat(verifications).hasValue(1);
        decoder.decode("token-b");
        assertThat(verifications).hasValue(2);

        decoder.decode("expired-token");
        decoder.decode("expired-token");
        assertThat(verifications).as("an expired token is never served from the cache").hasValue(4);

        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).as("failures are not cached").hasValue(6);
    }

    @Test
    void aTokenAlreadyVerifiedIsRefusedOnceItsSigningKeyIsRetired() {
        Set<String> active = new java.util.HashSet<>(Set.of("k1"));
        JwtDecoder verifying = token -> Jwt.withTokenValue(token).header("alg", "ES256").header("kid", "k1").subject("u")
            .expiresAt(Instant.now().plusSeconds(600)).issuedAt(Instant.now()).build();
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, active::contains);
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("u");

        active.remove("k1");

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("token-b")).isInstanceOf(BadJwtException.class);
    }
}
