package com.ambiosys.inbox;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code X-Hub-Signature-256} of a webhook: an HMAC-SHA256 of the raw body, compared in constant time. */
final class WebhookSignature {

    /** One HMAC-SHA256 per request thread: {@code Mac.getInstance} looks the provider up every time. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    });

    private WebhookSignature() {
    }

    static boolean signatureMatches(byte[] body, String header, SecretKeySpec key) {
        if (header == null || !header.startsWith("sha256=") || key == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(7).trim());
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        Mac mac = MACS.get();
        try {
            mac.init(key);
        }
        catch (InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
        return MessageDigest.isEqual(mac.doFinal(body), given);
    }
}
