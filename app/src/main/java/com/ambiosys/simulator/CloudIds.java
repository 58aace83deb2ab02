package com.ambiosys.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Ids and digests shaped like the ones Meta's Cloud API gives. */
final class CloudIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CloudIds() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A media id shaped like Meta's (a number of 16 digits). */
    static String mediaId() {
        return String.valueOf(1_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000L);
    }

    /** A message id shaped like Meta's ({@code wamid.} and base64). */
    static String wamid() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "wamid." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
