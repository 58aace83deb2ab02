package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.ambiosys.identity.internal.SecretTokens;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

/**
 * The refresh token lives in an HttpOnly cookie sent only to refresh and logout, never in a JSON body;
 * other sites' pages cannot use it; a sign-in has an absolute lifetime; two tabs refreshing with the same
 * token at once both stay signed in, while a replay after the grace window still ends the sign-in.
 */
class SessionCookieSystemTest extends TenantApiTest {

    private static final String COOKIE = "ambiosys_refresh";

    private Response login() {
        return api.post("/api/v1/auth/login", Map.of("email", tenant.adminEmail(), "password", TestTenants.PASSWORD))
            .send();
    }

    private Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null).cookie(COOKIE, refreshToken).send();
    }

    private int me(Response tokens) {
        return api.get("/api/v1/me").token(tokens.json().path("accessToken").asString()).send().status();
    }

    @Test
    void loginAndRefreshHandTheRefreshTokenOnlyInAnHttpOnlySecureStrictCookieForRefreshAndLogout() {
        Response login = login();
        assertThat(login.status()).isEqualTo(200);
        assertRefreshCookie(login, 7 * 24 * 3600);

        Response refreshed = refresh(login.cookie(COOKIE));
        assertThat(refreshed.status()).isEqualTo(200);
        assertRefreshCookie(refreshed, 7 * 24 * 3600);
        assertThat(refreshed.cookie(COOKIE)).isNotEqualTo(login.cookie(COOKIE));
        assertThat(me(refreshed)).isEqualTo(200);
    }

    private static void assertRefreshCookie(Response response, long maxAge) {
        assertThat(response.json().has("refreshToken")).as("refresh token in the JSON body").isFalse();
        assertThat(response.json().path("accessToken").asString()).isNotBlank();
        List<String> cookies = response.setCookies(COOKIE);
        assertThat(cookies).hasSize(2);
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).contains("; HttpOnly", "; Secure",
                "; SameSite=Strict", "; Max-Age=" + maxAge));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).contains("; Path=/api/v1/auth/refresh;"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).contains("; Path=/api/v1/auth/logout;"));
        assertThat(response.cookie(COOKIE)).isNotBlank();
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).startsWith(COOKIE + "=" + response.cookie(COOKIE) + ";"));
    }

    @Test
    void logoutWithTheCookieEndsTheSignInAndClearsTheCookie() {
        String token = login().cookie(COOKIE);
        Response logout = api.post("/api/v1/auth/logout", null).cookie(COOKIE, token).send();
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.setCookies(COOKIE)).hasSize(2)
            .allSatisfy(cookie -> assertThat(cookie).startsWith(COOKIE + "=;").contains("Max-Age=0"));

        Response after = refresh(token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.problemCode()).isEqualTo("invalid-refresh-token");
    }

    @Test
    void refreshAndLogoutFromAnotherSitesPageAreRefusedAndTheSignInSurvives() {
        String token = login().cookie(COOKIE);

        Response byOrigin = api.post("/api/v1/auth/refresh", null).cookie(COOKIE, token)
            .header("Origin", "https://evil.example").send();
        assertThat(byOrigin.status()).isEqualTo(403);
        assertThat(byOrigin.header("content-type")).startsWith("application/problem+json");
        assertThat(byOrigin.problemCode()).isEqualTo("cross-site-request");

        Response byFetchMetadata = api.post("/api/v1/auth/refresh", null).cookie(COOKIE, token)
            .header("Sec-Fetch-Site", "cross-site").send();
        assertThat(byFetchMetadata.status()).isEqualTo(403);
        assertThat(byFetchMetadata.problemCode()).isEqualTo("cross-site-request");

        Response logout = api.post("/api/v1/auth/logout", null).cookie(COOKIE, token)
            .header("Origin", "null").send();
        assertThat(logout.status()).isEqualTo(403);
        assertThat(logout.problemCode()).isEqualTo("cross-site-request");

        // the application's own pages: the server's own origin (the page at this address) or the public URL
        Response ownPage = api.post("/api/v1/auth/refresh", null).cookie(COOKIE, token)
            .header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin").send();
        assertThat(ownPage.status()).as("the refused requests spent nothing").isEqualTo(200);
        Response publicUrl = refreshFrom("http://localhost:8080", ownPage.cookie(COOKIE));
        assertThat(publicUrl.status()).isEqualTo(200);
        assertThat(me(publicUrl)).isEqualTo(200);
    }

    private Response refreshFrom(String origin, String token) {
        return api.post("/api/v1/auth/refresh", null).cookie(COOKIE, token).header("Origin", origin).send();
    }

    @Test
    void aSignInEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
        String token = refresh(login().cookie(COOKIE)).cookie(COOKIE);

        // an hour before the end: the next token lives only until then, not 7 more days
        startFamilyAt(token, Instant.now().minus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
        Response nearTheEnd = refresh(token);
        assertThat(nearTheEnd.status()).isEqualTo(200);
        long left = nearTheEnd.json().path("refreshExpiresIn").asLong();
        assertThat(left).isPositive().isLessThanOrEqualTo(3600);
        assertThat(nearTheEnd.setCookies(COOKIE)).allSatisfy(c -> assertThat(c).contains("; Max-Age=" + left + ";"));

        String last = nearTheEnd.cookie(COOKIE);
        startFamilyAt(last, Instant.now().minus(Duration.ofDays(30)).minus(Duration.ofMinutes(1)));
        Response over = refresh(last);
        assertThat(over.status()).isEqualTo(401);
        assertThat(over.header("content-type")).startsWith("application/problem+json");
        assertThat(over.problemCode()).isEqualTo("session-expired");
    }

    @Test
    void twoTabsRefreshingWithTheSameTokenAtOnceBothStaySignedIn() {
        String token = login().cookie(COOKIE);

        CompletableFuture<Response> tabA = CompletableFuture.supplyAsync(() -> refresh(token));
        CompletableFuture<Response> tabB = CompletableFuture.supplyAsync(() -> refresh(token));
        Response a = tabA.join();
        Response b = tabB.join();

        assertThat(List.of(a.status(), b.status())).containsExactly(200, 200);
        assertThat(me(a)).isEqualTo(200);
        assertThat(me(b)).isEqualTo(200);
        assertThat(a.cookie(COOKIE)).isNotEqualTo(b.cookie(COOKIE));
        // whichever cookie the browser keeps, the sign-in goes on
        assertThat(refresh(a.cookie(COOKIE)).status()).isEqualTo(200);
        assertThat(refresh(b.cookie(COOKIE)).status()).isEqualTo(200);
    }

    @Test
    void aRotatedTokenReplayedAfterTheGraceWindowRevokesTheWholeSignIn() {
        String original = login().cookie(COOKIE);
        Response rotated = refresh(original);
        assertThat(rotated.status()).isEqualTo(200);
        String successor = rotated.cookie(COOKIE);

        rotatedAt(original, Instant.now().minus(Duration.ofMinutes(1))); // the grace window is 30 s
        Response replay = refresh(original);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.problemCode()).isEqualTo("refresh-token-reused");

        Response afterRevocation = refresh(successor);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.problemCode()).isEqualTo("invalid-refresh-token");
    }

    private void startFamilyAt(String token, Instant start) {
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                update refresh_tokens set family_started_at = :start
                 where family_id = (select family_id from refresh_tokens where token_hash = :h)
                """).param("start", Timestamp.from(start)).param("h", SecretTokens.hash(token)).update());
    }

    private void rotatedAt(String token, Instant at) {
        tenantTx.run(tenant.id(), s -> jdbc.sql("update refresh_tokens set rotated_at = :at where token_hash = :h")
            .param("at", Timestamp.from(at)).param("h", SecretTokens.hash(token)).update());
    }
}
