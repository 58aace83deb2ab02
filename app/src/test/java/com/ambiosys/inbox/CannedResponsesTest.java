package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Canned responses over HTTP: short codes unique per tenant, search without accents, who may manage them. */
class CannedResponsesTest extends TenantApiTest {

    Response create(String code, String title, String body) {
        return api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", code, "title", title, "body", body))
            .token(admin).send();
    }

    JsonNode search(String q) {
        return api.get("/api/v1/inbox/canned-responses" + (q == null ? "" : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))).token(admin).send().json();
    }

    @Test
    void staffWriteCannedResponsesAndFindThemByShortCodeTitleOrBodyWithoutAccents() {
        Response saludo = create("saludo", "Saludo", "¡Hola {{nombre}}! Gracias por escribir a Ambiotec. ¿En qué le ayudamos?");
        assertThat(saludo.status()).isEqualTo(201);
        assertThat(saludo.header("Location")).endsWith(saludo.json().path("id").asString());
        assertThat(saludo.json().path("shortCode").asString()).isEqualTo("saludo");
        assertThat(saludo.json().path("updatedAt").isMissingNode()).isFalse();
        create("ubicacion", "Ubicación de oficinas", "Estamos en la 5a. avenida 10-20, zona 9, Ciudad de Guatemala.");
        create("horario", "Horario de atención", "Lunes a viernes de 8:00 a 17:00 y sábados de 8:00 a 12:00.");

        assertThat(search(null).path("total").asLong()).isEqualTo(3);
        assertThat(search("ubicacion").path("items").get(0).path("shortCode").asString()).isEqualTo("ubicacion");
        assertThat(search("UBICACIÓN").path("total").asLong()).isEqualTo(1);
        assertThat(search("sal").path("items").get(0).path("shortCode").asString()).isEqualTo("saludo");
        assertThat(search("sabados").path("items").get(0).path("shortCode").asString()).as("body, without accents")
            .isEqualTo("horario");
        assertThat(search("zzz").path("total").asLong()).isZero();

        String id = saludo.json().path("id").asString();
        Response changed = api.put("/api/v1/inbox/canned-responses/" + id, Map.of("shortCode", "hola", "title", "Saludo",
                "body", "Buen día {{nombre}}, ¿en qué le servimos?")).token(admin).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("shortCode").asString()).isEqualTo("hola");
        assertThat(api.get("/api/v1/inbox/canned-responses/" + id).token(admin).send().json().path("body").asString())
            .startsWith("Buen día {{nombre}}");

        assertThat(api.delete("/api/v1/inbox/canned-responses/" + id).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/inbox/canned-responses/" + id).token(admin).send().status()).isEqualTo(404);
        long audited = tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select count(*) from audit_log where tenant_id = :t and entity_type = 'canned_response' and entity_id = :id
                """).param("t", tenant.id()).param("id", id).query(Long.class).single());
        assertThat(audited).as("created, updated, deleted").isEqualTo(3);
    }

    @Test
    void aRepeatedShortCodeIsAConflictAndBadFieldsAreRefused() {
        create("gracias", "Gracias", "¡Gracias por su preferencia!");
        Response repeated = create("gracias", "Otra", "Otro texto");
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.problemCode()).isEqualTo("short-code-taken");
        assertThat(repeated.json().path("detail").asString()).contains("gracias");
        String other = create("precios", "Precios", "Los precios incluyen IVA.").json().path("id").asString();
        assertThat(api.put("/api/v1/inbox/canned-responses/" + other, Map.of("shortCode", "gracias", "title", "x", "body", "y"))
            .token(admin).send().problemCode()).isEqualTo("short-code-taken");

        assertThat(create("Saludo Largo", "x", "y").status()).isEqualTo(400);
        assertThat(create("a", "x", "y").status()).isEqualTo(400);
        assertThat(create("ok-code", "t".repeat(101), "y").status()).isEqualTo(400);
        assertThat(create("ok-code", "x", "b".repeat(4097)).status()).isEqualTo(400);
        Response blank = create("ok-code", " ", "y");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problemCode()).isEqualTo("validation");
        assertThat(search(null).path("total").asLong()).isEqualTo(2);
    }

    @Test
    void sellersUseThemButOnlyInboxManagersChangeThem() {
        String id = create("saludo", "Saludo", "Hola {{nombre}}").json().path("id").asString();
        tenants.addUser(tenant, "ventas", SystemRole.SALES);
        String seller = api.login(tenant.email("ventas"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/inbox/canned-responses?q=sal").token(seller).send().json().path("total").asLong())
            .isEqualTo(1);
        assertThat(api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "x1", "title", "x", "body", "y"))
            .token(seller).send().status()).isEqualTo(403);
        assertThat(api.put("/api/v1/inbox/canned-responses/" + id, Map.of("shortCode", "x1", "title", "x", "body", "y"))
            .token(seller).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/inbox/canned-responses/" + id).token(seller).send().status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsCannedResponsesAnswer404() {
        String id = create("saludo", "Saludo", "Hola {{nombre}}").json().path("id").asString();
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String path = "/api/v1/inbox/canned-responses/" + id;
        assertThat(api.get(path).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(path, Map.of("shortCode", "saludo", "title", "x", "body", "y")).token(them).send().status())
            .isEqualTo(404);
        assertThat(api.delete(path).token(them).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbox/canned-responses").token(them).send().json().path("total").asLong()).isZero();
        // the same short code is free in another tenant
        assertThat(api.post("/api/v1/inbox/canned-responses", Map.of("shortCode", "saludo", "title", "x", "body", "y"))
            .token(them).send().status()).isEqualTo(201);
        assertThat(api.get(path).token(admin).send().json().path("title").asString()).isEqualTo("Saludo");
    }
}
