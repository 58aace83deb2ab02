package com.ambiosys.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.crypto.SecretCipher;

/**
 * The ES256 key pairs that sign access tokens. Generated on first use and stored with the private key
 * encrypted; every instance of the application loads the same keys. The set of active (not retired) keys
 * is read again from the database when it is older than {@code signing-key-check-interval} (1 s), so a key
 * retired on any instance, or by hand in the database, stops verifying on every instance within that
 * interval and at once on the instance that retired it; a key made by another instance is picked up the
 * same way. The check is one small query per interval, not one per request.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    /** The keys as last read, and when (System.nanoTime) their kids were last compared with the database. */
    private record Snapshot(JWKSet keys, ECKey current, Set<String> kids, long checkedAt) {
        Snapshot checkedNow() {
            return new Snapshot(keys, current, kids, System.nanoTime());
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretCipher cipher;
    private final Clock clock;
    private final long checkIntervalNanos;
    private volatile Snapshot snapshot;

    SigningKeys(JdbcClient jdbc, TransactionTemplate tx, SecretCipher cipher, Clock clock,
            @Value("${ambiosys.security.signing-key-check-interval:1s}") Duration checkInterval) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    /** The key that signs new tokens: the newest active one. */
    ECKey current() {
        return fresh().current();
    }

    /** Whether tokens signed with {@code kid} may still be accepted. */
    boolean isActive(String kid) {
        return kid != null && fresh().kids().contains(kid);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(fresh().keys());
    }

    /** A new key signs from now on; the older ones still verify until they are retired. Answers its kid. */
    public String rotate() {
        ECKey key = generate();
        refreshing.lock();
        try {
            tx.executeWithoutResult(status -> insert(key));
            snapshot = load();
        }
        finally {
            refreshing.unlock();
        }
        return key.getKeyID();
    }

    /** Tokens signed with {@code kid} stop working: here at once, on the other instances within the interval. */
    public void retire(String kid) {
        refreshing.lock();
        try {
            tx.executeWithoutResult(status -> jdbc.sql("""
                    update signing_keys set retired_at = :at where kid = :kid and retired_at is null
                    """).param("at", Timestamp.from(clock.instant())).param("kid", kid).update());
            snapshot = load();
        }
        finally {
            refreshing.unlock();
        }
    }

    /**
     * The keys, read again once the interval has passed. One request thread reads them; the others go on with
     * the keys in hand (at most an interval old) instead of waiting for it.
     */
    private Snapshot fresh() {
        Snapshot seen = snapshot;
        if (seen != null && System.nanoTime() - seen.checkedAt() < checkIntervalNanos) {
            return seen;
        }
        if (seen != null && !refreshing.tryLock()) {
            return seen;
        }
        if (seen == null) {
            refreshing.lock();
        }
        try {
            seen = snapshot;
            if (seen != null && System.nanoTime() - seen.checkedAt() < checkIntervalNanos) {
                return seen;
            }
            Set<String> active = Set.copyOf(tx.execute(status -> jdbc
                .sql("select kid from signing_keys where retired_at is null").query(String.class).list()));
            snapshot = seen != null && !active.isEmpty() && active.equals(seen.kids()) ? seen.checkedNow() : load();
            return snapshot;
        }
        finally {
            refreshing.unlock();
        }
    }

    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();

    private Snapshot load() {
        return tx.execute(status -> {
            // one instance at a time decides whether a key must be made
            jdbc.sql("select pg_advisory_xact_lock(hashtext('ambiosys.signing_keys'))").query().singleRow();
            List<ECKey> loaded = new ArrayList<>();
            jdbc.sql("select private_key from signing_keys where retired_at is null order by created_at desc")
                .query(String.class)
                .list()
                .forEach(encrypted -> loaded.add(parse(cipher.decrypt(encrypted))));
            if (loaded.isEmpty()) {
                ECKey key = generate();
                insert(key);
                loaded.add(key);
            }
            Set<String> kids = loaded.stream().map(ECKey::getKeyID).collect(Collectors.toUnmodifiableSet());
            return new Snapshot(new JWKSet(new ArrayList<JWK>(loaded)), loaded.get(0), kids, System.nanoTime());
        });
    }

    private void insert(ECKey key) {
        jdbc.sql("""
                insert into signing_keys (kid, algorithm, public_jwk, private_key, created_at)
                values (:kid, 'ES256', :pub, :priv, :at)
                """)
            .param("kid", key.getKeyID())
            .param("pub", key.toPublicJWK().toJSONString())
            .param("priv", cipher.encrypt(key.toJSONString()))
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.ES256)
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException("Stored signing key is unreadable", ex);
        }
    }
}
