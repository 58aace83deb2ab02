package com.ambiosys.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.crypto.SecretCipher;

/**
 * The ES256 key pairs that sign access tokens. Generated on first use and stored with the private key
 * encrypted; every instance of the application loads the same keys. A token signed with a key this
 * instance has not seen (made by another instance) triggers a reload, at most every few seconds.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    private static final long RELOAD_PAUSE_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretCipher cipher;
    private final Clock clock;
    private volatile JWKSet keys;
    private volatile ECKey current;
    private volatile long lastReload;

    SigningKeys(JdbcClient jdbc, TransactionTemplate tx, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
    }

    ECKey current() {
        if (current == null) {
            synchronized (this) {
                if (current == null) {
                    load(true);
                }
            }
        }
        return current;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        current();
        List<JWK> found = selector.select(keys);
        if (found.isEmpty() && System.nanoTime() - lastReload > RELOAD_PAUSE_NANOS) {
            synchronized (this) {
                load(false);
            }
            found = selector.select(keys);
        }
        return found;
    }

    private void load(boolean createIfMissing) {
        tx.executeWithoutResult(status -> {
            // one instance at a time decides whether a key must be made
            jdbc.sql("select pg_advisory_xact_lock(hashtext('ambiosys.signing_keys'))").query().singleRow();
            List<ECKey> loaded = new ArrayList<>();
            jdbc.sql("select private_key from signing_keys where retired_at is null order by created_at desc")
                .query(String.class)
                .list()
                .forEach(encrypted -> loaded.add(parse(cipher.decrypt(encrypted))));
            if (loaded.isEmpty() && createIfMissing) {
                ECKey key = generate();
                jdbc.sql("""
                        insert into signing_keys (kid, algorithm, public_jwk, private_key, created_at)
                        values (:kid, 'ES256', :pub, :priv, :at)
                        """)
                    .param("kid", key.getKeyID())
                    .param("pub", key.toPublicJWK().toJSONString())
                    .param("priv", cipher.encrypt(key.toJSONString()))
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .update();
                loaded.add(key);
            }
            List<JWK> jwks = new ArrayList<>(loaded);
            keys = new JWKSet(jwks);
            if (!loaded.isEmpty()) {
                current = loaded.get(0);
            }
            lastReload = System.nanoTime();
        });
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
