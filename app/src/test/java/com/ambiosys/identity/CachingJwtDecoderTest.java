package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** What the cache answers, told apart by a verifier whose verdict on a token changes between calls. */
class CachingJwtDecoderTest {

    /** The verifier's current verdict per token: the claims' subject and expiry, or null to refuse it. */
    final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    final Map<String, String> subjects = new ConcurrentHashMap<>();
    final JwtDecoder verifying = token -> {
        if (!subjects.containsKey(token)) {
            throw new BadJwtException("bad signature");
        }
        Instant exp = expiries.get(token);
        return Jwt.withTokenValue(token).header("alg", "ES256").subject(subjects.get(token)).expiresAt(exp)
            .issuedAt(exp.minusSeconds(900)).build();
    };
    final CachingJwtDecoder decoder = new CachingJwtDecoder(verifying);

    void accept(String token, String subject, Instant expiresAt) {
        subjects.put(token, subject);
        expiries.put(token, expiresAt);
    }

    @Test
    void aVerifiedTokenKeepsTheClaimsItWasVerifiedWithUntilItExpires() {
        accept("token-a", "u", Instant.now().plusSeconds(600));
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("u");
        accept("token-a", "someone-else", Instant.now().plusSeconds(600));
        assertThat(decoder.decode("token-a").getSubject()).as("answered from the cache").isEqualTo("u");
        accept("token-b", "v", Instant.now().plusSeconds(600));
        assertThat(decoder.decode("token-b").getSubject()).as("another token, its own claims").isEqualTo("v");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromTheCache() {
        accept("expired-token", "u", Instant.now().minusSeconds(1));
        assertThat(decoder.decode("expired-token").getSubject()).isEqualTo("u");
        subjects.remove("expired-token"); // the verifier refuses it now
        assertThatThrownBy(() -> decoder.decode("expired-token")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aRefusedTokenIsNotRememberedAsRefused() {
        assertThatThrownBy(() -> decoder.decode("late-token")).isInstanceOf(BadJwtException.class);
        accept("late-token", "u", Instant.now().plusSeconds(600)); // e.g. its key was published in between
        assertThat(decoder.decode("late-token").getSubject()).isEqualTo("u");
    }
}
