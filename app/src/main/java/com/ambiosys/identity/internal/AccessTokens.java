package com.ambiosys.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Mints the short-lived ES256 access tokens: user, tenant, roles, permission version and sign-in. */
@Component
class AccessTokens {

    static final String ISSUER = "ambiosys";
    /** The claim naming the sign-in a token belongs to, so that a user's list of sessions can say which is this one. */
    static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(SigningKeys keys, Clock clock, @Value("${ambiosys.security.access-token-ttl:15m}") Duration ttl) {
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(keys);
        this.clock = clock;
        this.ttl = ttl;
    }

    /** @param sessionId the sign-in (refresh token family) the token belongs to: its {@code sid} claim */
    String issue(UUID tenantId, UUID userId, List<String> roles, long permissionVersion, UUID sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(userId.toString())
            .issuedAt(now)
            .expiresAt(now.plus(ttl))
            .id(UUID.randomUUID().toString())
            .claim("tid", tenantId.toString())
            .claim("roles", roles)
            .claim("pv", permissionVersion)
            .claim(SESSION_CLAIM, sessionId.toString())
            .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }
}
