package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

/**
 * The domain's words are enums, and a value that is not one of them is refused as the patterns they replace
 * refused it: a 400 validation problem that names the field, in a body as in a query parameter.
 */
class DomainWordsSystemTest extends TenantApiTest {

    @Test
    void anUnknownWordInABodyIsAFieldOfTheValidationProblem() {
        Response r = api.put("/api/v1/inbox/presence", Map.of("status", "BUSY")).token(admin).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("validation");
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactly("status");
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "away")).token(admin).send().status()).isEqualTo(400);
        assertThat(api.put("/api/v1/inbox/presence", Map.of("status", "AWAY")).token(admin).send().json()
            .path("status").asString()).isEqualTo("AWAY");
    }

    @Test
    void aWordInAQueryParameterIsItsExactName() {
        for (String bad : new String[] { "GIFT", "", "%20PRODUCT", "product" }) {
            Response r = api.get("/api/v1/catalog/items?kind=" + bad).token(admin).send();
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.problemCode()).isEqualTo("validation");
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
        }
        assertThat(api.get("/api/v1/catalog/items?kind=PRODUCT").token(admin).send().status()).isEqualTo(200);
    }
}
