package com.ambiosys.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.crypto.SecretCipher;
import com.ambiosys.platform.tx.AfterCommit;

/**
 * The webhook's channel lookup by {@code phone_number_id}, with the app secret decrypted, kept for a few
 * seconds: a webhook POST otherwise pays a statement, a read-only commit and an AES-GCM decryption before it
 * can check its signature. A channel changed on this instance is forgotten when the change commits; on other
 * instances a rotated secret or a deactivated channel takes effect within the time to live. Unknown ids are
 * not kept (a channel created a moment ago is found at once).
 */
@Component
class WhatsAppChannels {

    /** A channel as the webhook needs it: whose, which, the HMAC key of its app secret, and whether it takes messages. */
    record ChannelRef(UUID tenantId, UUID channelId, SecretKeySpec signingKey, boolean active) {
    }

    private record Entry(ChannelRef channel, long expires, long generation) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every forget: a lookup that began before a change must not put back what it read. */
    private final AtomicLong generation = new AtomicLong();

    WhatsAppChannels(JdbcClient jdbc, SecretCipher cipher,
            @Value("${ambiosys.inbox.webhook-channel-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.ttlNanos = ttl.toNanos();
    }

    Optional<ChannelRef> find(String phoneNumberId) {
        long now = System.nanoTime();
        Entry entry = entries.get(phoneNumberId);
        if (entry != null && now - entry.expires() < 0 && entry.generation() == generation.get()) {
            return Optional.of(entry.channel());
        }
        long seen = generation.get();
        Optional<ChannelRef> found = jdbc.sql("select tenant_id, channel_id, app_secret, active from inbox_whatsapp_channel(:p)")
            .param("p", phoneNumberId)
            .query((rs, n) -> new ChannelRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    signingKey(rs.getString(3)), rs.getBoolean(4)))
            .optional();
        if (ttlNanos > 0 && found.isPresent() && found.get().signingKey() != null && seen == generation.get()) {
            entries.put(phoneNumberId, new Entry(found.get(), now + ttlNanos, seen));
        }
        else {
            entries.remove(phoneNumberId);
        }
        return found;
    }

    private SecretKeySpec signingKey(String encryptedSecret) {
        String secret = encryptedSecret == null ? null : cipher.decrypt(encryptedSecret);
        return secret == null || secret.isEmpty() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Forgets every channel once the current transaction commits (at once outside one): a channel was changed. */
    void forgetAfterCommit() {
        generation.incrementAndGet(); // lookups from now until the commit still read the old row: not kept
        AfterCommit.run(() -> {
            generation.incrementAndGet();
            entries.clear();
        });
    }
}
