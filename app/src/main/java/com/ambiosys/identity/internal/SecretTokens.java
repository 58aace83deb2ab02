package com.ambiosys.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque one-time secrets (refresh tokens, reset links): {@code <tenant id>.<256 random bits>}. The
 * tenant prefix lets us find the row under row-level security; only the SHA-256 of the whole token is stored.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    static String create(UUID tenantId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return tenantId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<UUID> tenantOf(String token) {
        if (token == null || token.length() < 40 || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.substring(0, dot)));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
