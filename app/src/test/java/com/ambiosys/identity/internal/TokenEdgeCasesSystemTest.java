package com.ambiosys.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

/** Access tokens that must not open anything: altered, signed by someone else, unsigned, expired; and refresh races. */
class TokenEdgeCasesSystemTest extends TenantApiTest {

    @Autowired
    SigningKeys keys;

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        assertThat(me(admin).status()).isEqualTo(200);
        String[] parts = admin.split("\\.");
        String claims = decode(parts[1]).replace(tenant.adminId().toString(), java.util.UUID.randomUUID().toString());
        assertRefused(parts[0] + "." + encode(claims) + "." + parts[2]);
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderOurKidIsRefused() throws Exception {
        String kid = keys.current().getKeyID();
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT)
            .build(), claimsOf(admin));
        forged.sign(new ECDSASigner(attacker));
        assertRefused(forged.serialize());
    }

    @Test
    void aTokenMacSignedWithOurPublicKeyIsRefused() throws Exception {
        String kid = keys.current().getKeyID();
        byte[] publicKey = keys.current().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claimsOf(admin));
        confused.sign(new MACSigner(publicKey));
        assertRefused(confused.serialize());
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String kid = keys.current().getKeyID();
        String header = encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}");
        String claims = admin.split("\\.")[1];
        assertRefused(header + "." + claims + ".");
        assertRefused(header + "." + claims);
    }

    @Test
    void anExpiredTokenIsRefused() {
        AccessTokens anHourAgo = new AccessTokens(keys, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)),
                Duration.ofMinutes(15));
        String expired = anHourAgo.issue(tenant.id(), tenant.adminId(), List.of("ADMIN"), 1, java.util.UUID.randomUUID());
        assertRefused(expired);

        AccessTokens now = new AccessTokens(keys, Clock.systemUTC(), Duration.ofMinutes(15));
        assertThat(me(now.issue(tenant.id(), tenant.adminId(), List.of("ADMIN"), 1, java.util.UUID.randomUUID())).status())
            .as("the same token minted now works: only the expiry differs").isEqualTo(200);
    }

    /**
     * Two tabs refresh with the same token at the same moment: inside the grace window both get a session
     * (SessionCookieSystemTest), nothing fails on the server, and no refresh token is handed out twice.
     */
    @Test
    void twoRefreshesOfOneTokenAtOnceBothSucceedWithDistinctTokens() throws Exception {
        String refresh = api.post("/api/v1/auth/login", Map.of("email", tenant.adminEmail(), "password",
                TestTenants.PASSWORD)).send().cookie("ambiosys_refresh");
        assertThat(refresh).isNotBlank();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> racers = List.of(race(start, refresh), race(start, refresh));
        start.countDown();
        List<Response> answers = racers.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers.stream().map(r -> r.cookie("ambiosys_refresh")).distinct()).hasSize(2).doesNotContain(refresh);
    }

    private CompletableFuture<Response> race(CountDownLatch start, String refresh) {
        ApiClient client = new ApiClient(port);
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return client.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).send();
        });
    }

    private void assertRefused(String token) {
        Response response = me(token);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("invalid-token");
    }

    private Response me(String token) {
        return api.get("/api/v1/me").token(token).send();
    }

    private static JWTClaimsSet claimsOf(String token) throws java.text.ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
