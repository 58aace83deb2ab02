package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.ambiosys.platform.crypto.SecretCipher;

class SecretCipherTest {

    static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(key(), "k1", "", "k0");
        String a = cipher.encrypt("token de WhatsApp ñ");
        String b = cipher.encrypt("token de WhatsApp ñ");
        assertThat(a).startsWith("k1:").isNotEqualTo(b).doesNotContain("WhatsApp");
        assertThat(cipher.decrypt(a)).isEqualTo("token de WhatsApp ñ");
    }

    @Test
    void detectsTamperingAndWrongKeys() {
        SecretCipher cipher = new SecretCipher(key(), "k1", "", "k0");
        String sealed = cipher.encrypt("secreto");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("tampered");
        assertThatThrownBy(() -> new SecretCipher(key(), "k1", "", "k0").decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesUnderThePreviousKeyStayReadableAfterRotation() {
        String oldKey = key();
        String sealed = new SecretCipher(oldKey, "k1", "", "k0").encrypt("antiguo");
        SecretCipher rotated = new SecretCipher(key(), "k2", oldKey, "k1");
        assertThat(rotated.decrypt(sealed)).isEqualTo("antiguo");
        assertThat(rotated.encrypt("nuevo")).startsWith("k2:");
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=", "k1", "", "k0")).hasMessageContaining("32 bytes");
    }
}
