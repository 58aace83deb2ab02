package com.ambiosys.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets (channel tokens, signing keys, national ids) with AES-256-GCM and a random 96-bit
 * IV per value. The stored form is {@code keyId:base64(iv || ciphertext)}, so the current key can
 * change while values under the previous key stay readable.
 */
@Component
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(@Value("${ambiosys.encryption-key}") String key,
            @Value("${ambiosys.encryption-key-id:k1}") String keyId,
            @Value("${ambiosys.encryption-previous-key:}") String previousKey,
            @Value("${ambiosys.encryption-previous-key-id:k0}") String previousKeyId) {
        this.currentKeyId = keyId;
        keys.put(keyId, parse(key));
        if (!previousKey.isBlank()) {
            keys.put(previousKeyId, parse(previousKey));
        }
    }

    private static SecretKey parse(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64.trim());
        if (raw.length != 32) {
            throw new IllegalStateException("AMBIOSYS_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Encryption failed", ex);
        }
    }

    /** A key for one purpose (signing download links, ...), derived from the current encryption key. */
    public byte[] deriveKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(currentKeyId).getEncoded(), "HmacSHA256"));
            return mac.doFinal(("ambiosys:" + purpose).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Key derivation failed", ex);
        }
    }

    public String decrypt(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        String keyId = stored.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No encryption key with id " + keyId + " is configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Decryption failed: wrong key or tampered value", ex);
        }
    }
}
