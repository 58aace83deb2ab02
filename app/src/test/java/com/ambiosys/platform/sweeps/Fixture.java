package com.ambiosys.platform.sweeps;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/**
 * One record of each kind in a tenant, made through the API as its administrator: what the sweeps
 * put in paths and bodies. Kinds are named as the ids that point at them are ({@code customer} for
 * {@code customerId}).
 */
final class Fixture {

    final TestTenant tenant;
    final String admin;
    final Map<String, String> ids = new LinkedHashMap<>();
    private final ApiClient api;

    private Fixture(ApiClient api, TestTenant tenant, String admin) {
        this.api = api;
        this.tenant = tenant;
        this.admin = admin;
    }

    static Fixture build(ApiClient api, TestTenant tenant, String admin) {
        Fixture f = new Fixture(api, tenant, admin);
        f.identity();
        f.customers();
        f.catalog();
        f.serviceRequests();
        f.inbox();
        return f;
    }

    String id(String kind) {
        return ids.get(kind);
    }

    private void identity() {
        put("role", post("/api/v1/roles", Map.of("code", "SWEEP_ROLE", "name", "Barrido", "permissions", List.of("customers:view"))));
        put("user", post("/api/v1/users", Map.of("email", tenant.email("barrido"), "fullName", "Usuario Barrido", "language", "es",
                "timeZone", "America/Guatemala", "password", TestTenants.PASSWORD, "roleIds", List.of(id("role")))));
        put("session", api.get("/api/v1/me/sessions").token(admin).send().json().path(0).path("id").asString());
    }

    private void customers() {
        String customer = put("customer", post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Cliente Barrido",
                "country", "GT")));
        String base = "/api/v1/customers/" + customer;
        put("contact", post(base + "/contacts", Map.of("fullName", "Contacto Barrido")));
        put("address", post(base + "/addresses", Map.of("kind", "SERVICE_SITE", "departmentId", "GT-01", "municipalityId", "GT-0101",
                "street", "5a. Avenida 12-34")));
        Response file = api.upload("/api/v1/files?ownerType=customer&ownerId=" + customer, admin, "dpi.pdf", "application/pdf",
                "%PDF-1.4\n%barrido\n".getBytes(StandardCharsets.US_ASCII));
        put("file", expect(file, 201));
        put("document", post(base + "/documents", Map.of("type", "DPI", "number", "1234", "fileId", id("file"))));
        put("entity", post(base + "/legal-entities", Map.of("legalName", "Cliente Barrido, S.A.")));
        post(base + "/interactions", Map.of("kind", "NOTE", "summary", "Nota de barrido"));
        put("import", expect(api.upload("/api/v1/customers/imports", admin, "clientes.csv", "text/csv",
                "tipo,nombre_comercial,pais\nEMPRESA,Importado Barrido,GT\n".getBytes(StandardCharsets.UTF_8)), 201));
    }

    private void catalog() {
        put("category", post("/api/v1/catalog/categories", Map.of("name", "Categoría Barrido", "skuPrefix", "BAR")));
        put("item", post("/api/v1/catalog/items", Map.of("categoryId", id("category"), "kind", "SERVICE", "name", "Servicio Barrido",
                "unit", "UNIT", "price", 10, "currency", "GTQ", "vatRate", 12)));
    }

    private void serviceRequests() {
        put("serviceType", post("/api/v1/service-types", Map.of("code", "SWEEP", "name", "Barrido", "dataSchema", "FREE_FORM")));
        put("slaPolicy", post("/api/v1/sla-policies", Map.of("name", "Barrido", "responseMinutes", 60, "resolutionMinutes", 600)));
        put("serviceRequest", post("/api/v1/service-requests", Map.of("customerId", id("customer"), "serviceTypeId", id("serviceType"),
                "channel", "PHONE", "description", "Solicitud de barrido")));
        expect(api.post("/api/v1/service-requests/" + id("serviceRequest") + "/media", Map.of("fileId", id("file"))).token(admin).send(),
                200);
        put("savedFilter", post("/api/v1/service-requests/saved-filters", Map.of("name", "Barrido", "query", Map.of("q", "x"))));
    }

    private void inbox() {
        put("team", post("/api/v1/inbox/teams", Map.of("name", "Equipo Barrido", "memberIds", List.of(tenant.adminId().toString()))));
        put("canned", post("/api/v1/inbox/canned-responses", Map.of("shortCode", "barrido", "title", "Barrido", "body", "Hola")));
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        put("channel", post("/api/v1/inbox/channels/whatsapp", Map.of("name", "WhatsApp Barrido", "phoneNumberId", number,
                "accessToken", "EAAG-token-barrido", "appSecret", "secreto-barrido", "verifyToken", "verificar-barrido", "simulated", true)));
        put("phone", post("/api/v1/simulator/channels/" + id("channel") + "/phones", Map.of("phone",
                "+5025" + number.substring(0, 7), "profileName", "Teléfono Barrido")));
        put("simMessage", post("/api/v1/simulator/phones/" + id("phone") + "/messages", Map.of("type", "TEXT", "text", "Hola")));
        JsonNode conversation = api.get("/api/v1/inbox/conversations").token(admin).send().json().path("items").path(0);
        put("conversation", conversation.path("id").asString());
        put("inboxContact", conversation.path("contactId").asString());
        JsonNode thread = api.get("/api/v1/inbox/contacts/" + id("inboxContact") + "/messages").token(admin).send().json();
        put("message", thread.path(0).path("id").asString());
    }

    private String post(String path, Object body) {
        return expect(api.post(path, body).token(admin).send(), 201);
    }

    private static String expect(Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("Fixture: " + r.status() + " " + r.text());
        }
        return r.json().path("id").asString();
    }

    private String put(String kind, String id) {
        if (id == null || id.isBlank()) {
            throw new AssertionError("Fixture: no id for " + kind);
        }
        UUID.fromString(id);
        ids.put(kind, id);
        return id;
    }
}
