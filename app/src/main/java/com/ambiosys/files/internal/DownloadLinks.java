package com.ambiosys.files.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.ambiosys.platform.crypto.SecretCipher;

/**
 * Short-lived download links: {@code base64url(tenant | file | expiry) . base64url(HMAC-SHA256)}. A link
 * names one file of one tenant until it expires; anyone holding it may download, nobody can forge one.
 */
@Component
public class DownloadLinks {

    public record Target(UUID tenantId, UUID fileId, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    DownloadLinks(SecretCipher cipher) {
        this.key = cipher.deriveKey("file-links");
    }

    public String sign(UUID tenantId, UUID fileId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(40);
        payload.putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits());
        payload.putLong(fileId.getMostSignificantBits()).putLong(fileId.getLeastSignificantBits());
        payload.putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The file a link names, if the link is genuine and not expired. */
    public Optional<Target> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0 || token.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != 40 || !MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID tenant = new UUID(buffer.getLong(), buffer.getLong());
            UUID file = new UUID(buffer.getLong(), buffer.getLong());
            Instant expiry = Instant.ofEpochSecond(buffer.getLong());
            return expiry.isAfter(now) ? Optional.of(new Target(tenant, file, expiry)) : Optional.empty();
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
