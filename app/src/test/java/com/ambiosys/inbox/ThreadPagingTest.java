package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** A long thread pages back: the latest messages first, then those before the oldest one shown, with no gap or repeat. */
class ThreadPagingTest extends TenantApiTest {

    final HttpClient http = HttpClient.newHttpClient();

    List<String> bodies(JsonNode messages) {
        return messages.valueStream().map(m -> m.path("body").asString()).toList();
    }

    @Test
    void olderMessagesComeBeforeTheGivenOneAndForeignIdsAnswer404() throws Exception {
        String phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        assertThat(api.post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp", "phoneNumberId", phoneNumberId,
                "accessToken", "EAAG-token-paginas", "appSecret", WhatsAppWebhookTest.SECRET, "verifyToken", "verificar-pag"))
            .token(admin).send().status()).isEqualTo(201);
        long start = System.currentTimeMillis() / 1000 - 3600;
        for (int i = 1; i <= 7; i++) { // one a minute, and two in the same second (the id breaks the tie)
            long at = start + (i == 5 ? 4 : i) * 60;
            String body = WhatsAppWebhookTest.message(phoneNumberId, "50255550707", "wamid.P" + i + "-" + phoneNumberId, at,
                    "text", "\"text\":{\"body\":\"mensaje " + i + "\"}");
            assertThat(WhatsAppWebhookTest.deliver(http, port, body)).isEqualTo(200);
        }
        String contact = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").get(0)
            .path("contactId").asString();
        String base = "/api/v1/inbox/contacts/" + contact + "/messages";

        JsonNode latest = api.get(base + "?limit=3").token(admin).send().json();
        List<String> seen = new java.util.ArrayList<>(bodies(latest));
        String oldest = latest.get(2).path("id").asString();
        while (true) {
            JsonNode older = api.get(base + "?limit=3&before=" + oldest).token(admin).send().json();
            if (older.isEmpty()) {
                break;
            }
            seen.addAll(bodies(older));
            oldest = older.get(older.size() - 1).path("id").asString();
        }
        assertThat(seen).containsExactly("mensaje 7", "mensaje 6", "mensaje 5", "mensaje 4", "mensaje 3", "mensaje 2",
                "mensaje 1");
        assertThat(bodies(api.get(base).token(admin).send().json())).hasSize(7);

        // a message id that is not this contact's, or not a message at all: 404; a malformed one: 400
        assertThat(api.get(base + "?before=" + contact).token(admin).send().status()).isEqualTo(404);
        assertThat(api.get(base + "?before=not-an-id").token(admin).send().status()).isEqualTo(400);
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get(base + "?before=" + latest.get(0).path("id").asString()).token(them).send().status())
            .isEqualTo(404);
    }
}
