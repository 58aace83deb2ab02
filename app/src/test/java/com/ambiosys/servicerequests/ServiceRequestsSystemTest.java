package com.ambiosys.servicerequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.SecondInstance;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** Service requests over HTTP with the real database: types and their data, workflow, approval, assignment, SLA. */
class ServiceRequestsSystemTest extends TenantApiTest {

    @Autowired
    SlaWatch slaWatch;

    Map<String, String> types = new HashMap<>();
    String generalPolicy;
    String customerId;
    String contactId;

    @BeforeEach
    void setUp() {
        for (String[] t : new String[][] { { "PORTABLE_TOILETS", "Sanitarios portátiles" }, { "SEPTIC_TANK", "Fosa séptica" },
                { "WASTEWATER_PLANT", "PTAR" }, { "OTHER", "Otro" } }) {
            String schema = "OTHER".equals(t[0]) ? "FREE_FORM" : t[0];
            types.put(t[0], api.post("/api/v1/service-types", Map.of("code", t[0], "name", t[1], "dataSchema", schema))
                .token(admin).send().json().path("id").asString());
        }
        generalPolicy = api.post("/api/v1/sla-policies", Map.of("name", "General", "responseMinutes", 240,
                "resolutionMinutes", 2400)).token(admin).send().json().path("id").asString();
        JsonNode customer = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "José Pérez",
                "country", "GT", "contact", Map.of("fullName", "José Pérez", "phones", List.of("5555-1234")))).token(admin)
            .send().json();
        customerId = customer.path("id").asString();
        contactId = customer.path("contacts").get(0).path("id").asString();
    }

    Map<String, Object> request(String type, Object typeData) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("contactId", contactId);
        body.put("serviceTypeId", types.get(type));
        body.put("channel", "WHATSAPP");
        body.put("description", "Solicitud de prueba");
        body.put("typeData", typeData);
        return body;
    }

    static Map<String, Object> septic() {
        return Map.of("waterType", "BLACK", "volumeM3", 4.5, "accessConditions", "Callejón angosto", "hoseDistanceM", 25);
    }

    String create(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/service-requests", body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    JsonNode move(String id, String to, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        body.put("comment", comment);
        Response r = api.post("/api/v1/service-requests/" + id + "/transitions", body).token(admin).send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    long count() {
        return api.get("/api/v1/service-requests").token(admin).send().json().path("total").asLong();
    }

    List<String> errorFields(Response r) {
        return r.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    @Test
    void eachServiceTypeChecksItsOwnDataAndBadDataStoresNothing() {
        JsonNode toilets = api.get("/api/v1/service-requests/" + create(admin, request("PORTABLE_TOILETS",
                Map.of("units", 12, "model", "VIP", "usage", "EVENT", "rentalStart", "2026-12-12", "rentalEnd", "2026-12-13",
                        "cleaningsPerWeek", 0)))).token(admin).send().json();
        assertThat(toilets.path("number").asString()).isEqualTo("SR-000001");
        assertThat(toilets.path("typeData").path("units").asInt()).isEqualTo(12);
        create(admin, request("SEPTIC_TANK", septic()));
        create(admin, request("WASTEWATER_PLANT", Map.of("flowM3PerDay", 45, "service", "OPERATION", "siteSurveyNeeded", true,
                "designParameters", Map.of("bodMgL", 320, "ph", 7.2))));
        create(admin, request("OTHER", Map.of("detalle", "Retiro de escombros", "viajes", 3)));
        assertThat(count()).isEqualTo(4);

        Response badToilets = api.post("/api/v1/service-requests", request("PORTABLE_TOILETS", Map.of("units", 0, "model",
                "GOLD", "usage", "EVENT", "rentalStart", "2026-12-12", "rentalEnd", "2026-12-01", "color", "azul")))
            .token(admin).send();
        assertThat(badToilets.status()).isEqualTo(400);
        assertThat(badToilets.problemCode()).isEqualTo("invalid-type-data");
        assertThat(errorFields(badToilets)).containsExactlyInAnyOrder("typeData.units", "typeData.model", "typeData.rentalEnd",
                "typeData.cleaningsPerWeek", "typeData.color");
        Response badSeptic = api.post("/api/v1/service-requests", request("SEPTIC_TANK", Map.of("waterType", "BLACK",
                "volumeM3", "mucho"))).token(admin).language("en").send();
        assertThat(errorFields(badSeptic)).containsExactlyInAnyOrder("typeData.volumeM3", "typeData.accessConditions",
                "typeData.hoseDistanceM");
        assertThat(badSeptic.json().path("errors").valueStream().filter(e -> e.path("field").asString().endsWith("volumeM3"))
            .findFirst().orElseThrow().path("message").asString()).isEqualTo("Must be a number.");
        Response badPlant = api.post("/api/v1/service-requests", request("WASTEWATER_PLANT", Map.of("flowM3PerDay", 45,
                "service", "OPERATION", "siteSurveyNeeded", "sí", "designParameters", Map.of("ph", 15)))).token(admin).send();
        assertThat(errorFields(badPlant)).containsExactlyInAnyOrder("typeData.siteSurveyNeeded", "typeData.designParameters.ph");
        Response badOther = api.post("/api/v1/service-requests", request("OTHER", Map.of("lista", List.of(1, 2)))).token(admin)
            .send();
        assertThat(errorFields(badOther)).containsExactly("typeData.lista");

        Map<String, Object> noDescription = request("SEPTIC_TANK", septic());
        noDescription.remove("description");
        noDescription.put("priority", "YESTERDAY");
        assertThat(errorFields(api.post("/api/v1/service-requests", noDescription).token(admin).send()))
            .contains("description", "priority");
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void theWholeWorkflowWithItsHistoryAndTotals() {
        Map<String, Object> body = request("SEPTIC_TANK", septic());
        body.put("items", List.of(
                Map.of("description", "Succión de fosa hasta 5 m³", "quantity", 2, "unit", "SERVICE", "unitPrice", 1450,
                        "currency", "GTQ", "vatRate", 12),
                Map.of("description", "Transporte de lodos", "quantity", 4.5, "unit", "M3", "unitPrice", 100, "currency", "GTQ",
                        "vatRate", 12)));
        String id = create(admin, body);
        JsonNode created = api.get("/api/v1/service-requests/" + id).token(admin).send().json();
        assertThat(created.path("status").asString()).isEqualTo("NEW");
        assertThat(created.path("totals").get(0).path("subtotal").decimalValue()).isEqualByComparingTo("3350.00");
        assertThat(created.path("totals").get(0).path("vat").decimalValue()).isEqualByComparingTo("402.00");
        assertThat(created.path("allowedTransitions").valueStream().map(JsonNode::asString).toList())
            .containsExactlyInAnyOrder("IN_REVIEW", "WAITING_ON_CUSTOMER", "CANCELLED", "LOST");

        move(id, "IN_REVIEW", "Revisando acceso");
        JsonNode waiting = move(id, "WAITING_ON_CUSTOMER", "Pedimos fotos del acceso");
        assertThat(waiting.path("resumeTo").asString()).isEqualTo("IN_REVIEW");
        assertThat(waiting.path("sla").get(1).path("paused").asBoolean()).isTrue();
        assertThat(waiting.path("allowedTransitions").valueStream().map(JsonNode::asString).toList())
            .containsExactlyInAnyOrder("IN_REVIEW", "CANCELLED", "LOST");
        move(id, "IN_REVIEW", "Fotos recibidas");
        for (String step : List.of("QUOTED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS")) {
            move(id, step, null);
        }
        JsonNode done = move(id, "COMPLETED", "Servicio realizado");
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("allowedTransitions").isEmpty()).isTrue();

        List<JsonNode> history = api.get("/api/v1/service-requests/" + id + "/history").token(admin).send().json()
            .valueStream().toList();
        assertThat(history.stream().filter(h -> h.path("kind").asString().equals("TRANSITION"))
            .map(h -> h.path("to").asString()).toList()).containsExactly("NEW", "IN_REVIEW", "WAITING_ON_CUSTOMER",
                    "IN_REVIEW", "QUOTED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "COMPLETED");
        assertThat(history.stream().filter(h -> "Pedimos fotos del acceso".equals(h.path("comment").asString())).findFirst()
            .orElseThrow().path("actorId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(api.put("/api/v1/service-requests/" + id, Map.of("description", "Otra")).token(admin).send().problemCode())
            .isEqualTo("request-closed");
    }

    @Test
    void lineItemsComeFromTheCatalogOfTheSameCompany() {
        String category = api.post("/api/v1/catalog/categories", Map.of("name", "Fosas", "skuPrefix", "FOS")).token(admin)
            .send().json().path("id").asString();
        JsonNode catalogItem = api.post("/api/v1/catalog/items", Map.of("categoryId", category, "kind", "SERVICE", "name",
                "Succión de fosa séptica hasta 5 m³", "unit", "SERVICE", "price", 1450, "currency", "GTQ", "vatRate", 12))
            .token(admin).send().json();
        Map<String, Object> body = request("SEPTIC_TANK", septic());
        body.put("items", List.of(Map.of("catalogItemId", catalogItem.path("id").asString(), "quantity", 2),
                Map.of("catalogItemId", catalogItem.path("id").asString(), "quantity", 1, "unitPrice", 1000,
                        "description", "Segunda visita con descuento")));
        JsonNode request = api.get("/api/v1/service-requests/" + create(admin, body)).token(admin).send().json();
        JsonNode first = request.path("items").get(0);
        assertThat(first.path("sku").asString()).isEqualTo(catalogItem.path("sku").asString()).startsWith("FOS-");
        assertThat(first.path("description").asString()).isEqualTo("Succión de fosa séptica hasta 5 m³");
        assertThat(first.path("total").decimalValue()).isEqualByComparingTo("3248.00"); // 2 × 1450 + 12 %
        assertThat(request.path("items").get(1).path("unitPrice").decimalValue()).isEqualByComparingTo("1000");
        assertThat(request.path("totals").get(0).path("total").decimalValue()).isEqualByComparingTo("4368.00");

        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String theirCategory = api.post("/api/v1/catalog/categories", Map.of("name", "Otra", "skuPrefix", "OTR")).token(them)
            .send().json().path("id").asString();
        String theirItem = api.post("/api/v1/catalog/items", Map.of("categoryId", theirCategory, "kind", "SERVICE", "name",
                "Ajeno", "unit", "SERVICE", "price", 1, "currency", "GTQ", "vatRate", 12)).token(them).send().json()
            .path("id").asString();
        body.put("items", List.of(Map.of("catalogItemId", theirItem, "quantity", 1)));
        assertThat(api.post("/api/v1/service-requests", body).token(admin).send().problemCode())
            .isEqualTo("unknown-catalog-item");
    }

    @Test
    void illegalMovesAreAConflictThatListsTheLegalOnes() {
        String id = create(admin, request("SEPTIC_TANK", septic()));
        Response skip = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "COMPLETED")).token(admin)
            .send();
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.problemCode()).isEqualTo("illegal-transition");
        assertThat(skip.json().path("allowed").valueStream().map(JsonNode::asString).toList())
            .containsExactly("CANCELLED", "IN_REVIEW", "LOST", "WAITING_ON_CUSTOMER");
        Response noReason = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "LOST")).token(admin)
            .send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("reason-required");
        assertThat(api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "FLYING")).token(admin).send()
            .status()).isEqualTo(400);
        move(id, "CANCELLED", "Duplicada");
        assertThat(api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "IN_REVIEW")).token(admin).send()
            .status()).isEqualTo(409);
        // the refusal names the states in words, in the caller's language
        assertThat(api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED")).token(admin)
            .language("es").send().json().path("detail").asString()).contains("Cancelada").contains("Cotizada")
            .doesNotContain("CANCELLED");
        assertThat(api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED")).token(admin)
            .language("en").send().json().path("detail").asString()).contains("Cancelled").contains("Quoted")
            .doesNotContain("QUOTED");
        JsonNode cancelled = api.get("/api/v1/service-requests/" + id).token(admin).send().json();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("statusReason").asString()).isEqualTo("Duplicada");
    }

    @Test
    void whenTheCompanyRequiresItAManagerApprovesBeforeQuoting() {
        Response settings = api.put("/api/v1/service-requests/settings", Map.of("approvalRequired", true, "timeZone",
                "America/Guatemala", "week", Map.of("MONDAY", List.of(List.of("08:00", "12:00"), List.of("13:00", "17:00"))),
                "holidays", List.of(Map.of("day", "2026-12-25", "name", "Navidad")))).token(admin).send();
        assertThat(settings.status()).as(settings.text()).isEqualTo(200);
        tenants.addUser(tenant, "carlos", SystemRole.SALES);
        tenants.addUser(tenant, "gerente", SystemRole.MANAGER);
        String carlos = api.login(tenant.email("carlos"), TestTenants.PASSWORD);
        String manager = api.login(tenant.email("gerente"), TestTenants.PASSWORD);
        Map<String, Object> body = request("SEPTIC_TANK", septic());
        body.remove("contactId");
        body.put("customerId", api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Hotel Casa Antigua",
                "country", "GT")).token(carlos).send().json().path("id").asString()); // a customer of his own
        String id = create(carlos, body);
        api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "IN_REVIEW")).token(carlos).send();

        Response quote = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED")).token(carlos)
            .send();
        assertThat(quote.status()).isEqualTo(409);
        assertThat(quote.problemCode()).isEqualTo("approval-required");
        assertThat(api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "PENDING_APPROVAL")).token(carlos)
            .send().status()).isEqualTo(200);
        Response selfApproval = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED"))
            .token(carlos).send();
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.problemCode()).isEqualTo("not-an-approver");
        Response approved = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED", "comment",
                "Aprobado: precio dentro del margen")).token(manager).send();
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("QUOTED");
    }

    @Test
    void roundRobinSharesRequestsAmongActiveSalesRepsInTurn() {
        api.put("/api/v1/service-types/" + types.get("SEPTIC_TANK"), Map.of("name", "Fosa séptica", "autoAssign", true,
                "active", true)).token(admin).send();
        List<UUID> reps = new ArrayList<>(List.of(tenants.addUser(tenant, "rep1", SystemRole.SALES),
                tenants.addUser(tenant, "rep2", SystemRole.SALES), tenants.addUser(tenant, "rep3", SystemRole.SALES)));
        reps.sort(null);
        List<String> owners = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create(admin, request("SEPTIC_TANK", septic())));
            owners.add(api.get("/api/v1/service-requests/" + ids.get(i)).token(admin).send().json().path("ownerId").asString());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add(reps.get(i % 3).toString());
        }
        assertThat(owners).isEqualTo(expected);

        // a manual reassignment, then back to the round robin
        String id = create(admin, request("SEPTIC_TANK", septic()));
        String roundRobinOwner = api.get("/api/v1/service-requests/" + id).token(admin).send().json().path("ownerName")
            .asString();
        JsonNode manual = api.put("/api/v1/service-requests/" + id + "/owner", Map.of("ownerId", tenant.adminId().toString()))
            .token(admin).send().json();
        assertThat(manual.path("ownerId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(api.put("/api/v1/service-requests/" + id + "/owner", Map.of("ownerId", UUID.randomUUID().toString()))
            .token(admin).send().problemCode()).isEqualTo("invalid-owner");
        List<String> methods = api.get("/api/v1/service-requests/" + id + "/history").token(admin).send().json().valueStream()
            .filter(h -> h.path("kind").asString().equals("ASSIGNMENT")).map(h -> h.path("field").asString()).toList();
        assertThat(methods).containsExactly("ROUND_ROBIN", "MANUAL");
        JsonNode manualEntry = api.get("/api/v1/service-requests/" + id + "/history").token(admin).send().json().valueStream()
            .filter(h -> h.path("field").asString().equals("MANUAL")).findFirst().orElseThrow();
        assertThat(manualEntry.path("to").asString()).isEqualTo(manual.path("ownerName").asString()); // owners by name
        assertThat(manualEntry.path("from").asString()).isEqualTo(roundRobinOwner).isNotBlank();
        assertThat(manualEntry.path("actorName").asString()).isEqualTo(manual.path("ownerName").asString()).isNotBlank();
        // a rep sees the requests they own and no others
        String rep1 = api.login(tenant.email("rep1"), TestTenants.PASSWORD);
        JsonNode mine = api.get("/api/v1/service-requests").token(rep1).send().json();
        String rep1Id = reps.stream().filter(r -> mine.path("items").get(0).path("ownerId").asString().equals(r.toString()))
            .findFirst().orElseThrow().toString();
        assertThat(mine.path("items").valueStream().map(i -> i.path("ownerId").asString()).distinct().toList())
            .containsExactly(rep1Id);
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        String someoneElses = ids.get(owners.indexOf(rep1Id) == 0 ? 1 : 0);
        assertThat(api.get("/api/v1/service-requests/" + someoneElses).token(rep1).send().status()).isEqualTo(404);
    }

    @Test
    void editsAreKeptFieldByField() {
        String id = create(admin, request("SEPTIC_TANK", septic()));
        Map<String, Object> data = new HashMap<>(septic());
        data.put("volumeM3", 6);
        Map<String, Object> changes = new HashMap<>();
        changes.put("contactId", contactId);
        changes.put("priority", "URGENT");
        changes.put("description", "Solicitud de prueba");
        changes.put("typeData", data);
        Response edited = api.put("/api/v1/service-requests/" + id, changes).token(admin).send();
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.json().path("version").asLong()).isEqualTo(1);
        List<String> fieldChanges = api.get("/api/v1/service-requests/" + id + "/history").token(admin).send().json()
            .valueStream().filter(h -> h.path("kind").asString().equals("CHANGE"))
            .map(h -> h.path("field").asString() + ": " + h.path("from").asString() + " → " + h.path("to").asString()).toList();
        assertThat(fieldChanges).containsExactly("priority: NORMAL → URGENT", "typeData.volumeM3: 4.5 → 6");

        // the search follows the description (service_request_descriptions, kept by a trigger)
        changes.put("description", "Vaciado de la fosa del comedor escolar");
        assertThat(api.put("/api/v1/service-requests/" + id, changes).token(admin).send().status()).isEqualTo(200);
        JsonNode found = api.get("/api/v1/service-requests?q=COMEDOR%20escolar").token(admin).send().json();
        assertThat(found.path("items").valueStream().map(r -> r.path("id").asString()).toList()).containsExactly(id);
        assertThat(api.get("/api/v1/service-requests?q=solicitud%20de%20prueba").token(admin).send().json().path("items")
            .valueStream().map(r -> r.path("id").asString()).toList()).doesNotContain(id);
    }

    /** Business hours around the clock, every day (so a test does not depend on the hour it runs); the week set. */
    Map<String, Object> workAroundTheClock() {
        Map<String, Object> allDay = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            allDay.put(day, List.of(List.of("00:00", "24:00")));
        }
        Response set = api.put("/api/v1/service-requests/settings", Map.of("approvalRequired", false, "timeZone",
                "America/Guatemala", "week", allDay)).token(admin).send();
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        return allDay;
    }

    @Test
    void aCalendarChangeMovesTheStoredClocksBeforeTheSlaJobJudgesThem() {
        Map<String, Object> allDay = workAroundTheClock();
        api.post("/api/v1/sla-policies", Map.of("name", "Fosas", "serviceTypeId", types.get("SEPTIC_TANK"), "responseMinutes",
                60, "resolutionMinutes", 600)).token(admin).send();
        String id = create(admin, request("SEPTIC_TANK", septic()));
        slaWatch.scan(); // the first settings: the clocks are computed again once, to the same instants
        // the request arrived 2 hours ago: by the stored instants its first response (60 minutes) is overdue
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                update service_requests set created_at = created_at - interval '2 hours',
                       response_at_risk_at = response_at_risk_at - interval '2 hours',
                       response_due_at = response_due_at - interval '2 hours',
                       resolution_at_risk_at = resolution_at_risk_at - interval '2 hours',
                       resolution_due_at = resolution_due_at - interval '2 hours' where tenant_id = :t
                """).param("t", tenant.id()).update());

        // but yesterday, today and tomorrow become holidays: no business time has passed, none will until then
        LocalDate today = LocalDate.now(ZoneId.of("America/Guatemala"));
        Response changed = api.put("/api/v1/service-requests/settings", Map.of("approvalRequired", false, "timeZone",
                "America/Guatemala", "week", allDay, "holidays", List.of(Map.of("day", today.minusDays(1).toString(), "name", "Uno"),
                        Map.of("day", today.toString(), "name", "Dos"), Map.of("day", today.plusDays(1).toString(), "name", "Tres"))))
            .token(admin).send();
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        slaWatch.scan();

        JsonNode r = api.get("/api/v1/service-requests/" + id).token(admin).send().json();
        assertThat(r.path("sla").get(0).path("status").asString()).isEqualTo("ON_TRACK");
        Instant dayAfter = today.plusDays(2).atStartOfDay(ZoneId.of("America/Guatemala")).toInstant();
        tenantTx.run(tenant.id(), s -> {
            Timestamp due = jdbc.sql("select response_due_at from service_requests where tenant_id = :t and id = :id")
                .param("t", tenant.id()).param("id", UUID.fromString(id)).query(Timestamp.class).single();
            assertThat(due.toInstant()).isEqualTo(dayAfter.plus(Duration.ofMinutes(60)));
            assertThat(jdbc.sql("select count(*) from service_request_sla_events where tenant_id = :t")
                .param("t", tenant.id()).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select clocks_version = version from service_request_settings where tenant_id = :t")
                .param("t", tenant.id()).query(Boolean.class).single()).isTrue();
        });
    }

    @Test
    void theSlaJobWorksThroughMoreDueClocksThanABatchAndAnnouncesEachOnce() {
        workAroundTheClock();
        String template = create(admin, request("SEPTIC_TANK", septic()));
        slaWatch.scan(); // the new calendar's recomputation, done
        // 4 500 requests that arrived 70 minutes ago with a 60-minute response target (all day: due 10 minutes
        // ago) and a 600-minute resolution: more than two batches (SlaWatch.BATCH), so the workers share them
        int n = 2 * SlaWatch.BATCH + 500;
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                insert into service_requests (tenant_id, id, number, customer_id, service_type_id, priority, channel,
                                              description, status, response_minutes, resolution_minutes,
                                              response_sla, resolution_sla, response_at_risk_at, response_due_at,
                                              resolution_at_risk_at, resolution_due_at, created_at, updated_at)
                select tenant_id, gen_random_uuid(), 'SR-B' || lpad(i::text, 5, '0'), customer_id, service_type_id,
                       priority, channel, description, 'NEW', 60, 600, 'ON_TRACK', 'ON_TRACK',
                       now() - interval '22 minutes', now() - interval '10 minutes',
                       now() + interval '410 minutes', now() + interval '530 minutes',
                       now() - interval '70 minutes', now()
                  from service_requests, generate_series(1, :n) i
                 where tenant_id = :t and id = :id
                """).param("t", tenant.id()).param("id", UUID.fromString(template)).param("n", n).update());

        assertThat(slaWatch.scan()).isEqualTo(n);
        assertThat(slaWatch.scan()).isZero();

        tenantTx.run(tenant.id(), s -> {
            assertThat(jdbc.sql("""
                    select count(*) from service_requests
                     where tenant_id = :t and number like 'SR-B%' and response_sla = 'BREACHED' and resolution_sla = 'ON_TRACK'
                    """).param("t", tenant.id()).query(Long.class).single()).isEqualTo(n);
            assertThat(jdbc.sql("""
                    select count(*) from service_request_sla_events
                     where tenant_id = :t and clock = 'RESPONSE' and event = 'BREACHED'
                    """).param("t", tenant.id()).query(Long.class).single()).isEqualTo(n);
        });
        // published in SlaReached batches: every breach in exactly one, with its due instant
        List<Map<String, Object>> published = jdbc.sql("""
                select count(*) as events, count(distinct b ->> 'requestId') as requests,
                       count(*) filter (where b ->> 'dueAt' is null) as without_due
                  from event_publication p, jsonb_array_elements(cast(p.serialized_event as jsonb) -> 'breached') b
                 where p.event_type like '%SlaReached' and p.listener_id like '%SlaAlerts%'
                   and cast(p.serialized_event as jsonb) ->> 'tenantId' = :t
                """).param("t", tenant.id().toString()).query().listOfRows();
        assertThat(published.get(0)).containsEntry("events", (long) n).containsEntry("requests", (long) n)
            .containsEntry("without_due", 0L);
    }

    @Test
    void theSlaJobMarksABreachExactlyOnceEvenWithTwoInstancesRunningIt() throws Exception {
        workAroundTheClock(); // so the test does not depend on the hour it runs
        api.post("/api/v1/sla-policies", Map.of("name", "Fosas", "serviceTypeId", types.get("SEPTIC_TANK"), "responseMinutes",
                60, "resolutionMinutes", 600)).token(admin).send();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(admin, request("SEPTIC_TANK", septic())));
        }
        JsonNode fresh = api.get("/api/v1/service-requests/" + ids.get(0)).token(admin).send().json();
        assertThat(fresh.path("sla").get(0).path("status").asString()).isEqualTo("ON_TRACK");
        assertThat(fresh.path("sla").get(0).path("targetMinutes").asInt()).isEqualTo(60);

        // the requests arrived 2 hours ago (response breached, resolution on track at 20 %); one was answered in time
        tenantTx.run(tenant.id(), s -> {
            jdbc.sql("update service_requests set created_at = created_at - interval '2 hours' where tenant_id = :t")
                .param("t", tenant.id()).update();
            jdbc.sql("""
                    update service_requests set response_at_risk_at = response_at_risk_at - interval '2 hours',
                           response_due_at = response_due_at - interval '2 hours',
                           resolution_at_risk_at = resolution_at_risk_at - interval '2 hours',
                           resolution_due_at = resolution_due_at - interval '2 hours' where tenant_id = :t
                    """).param("t", tenant.id()).update();
            jdbc.sql("update service_requests set responded_at = created_at + interval '30 minutes', response_sla = 'FULFILLED' where tenant_id = :t and id = :id")
                .param("t", tenant.id()).param("id", UUID.fromString(ids.get(2))).update();
        });

        // the test's application and a second instance of it on the same database, each running its own job at once
        try (SecondInstance second = SecondInstance.start()) {
            SlaWatch secondWatch = second.bean(SlaWatch.class);
            assertThat(secondWatch).isNotSameAs(slaWatch);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> twoInstances = List.of(slaWatch::scan, secondWatch::scan);
            for (Future<Integer> f : pool.invokeAll(twoInstances)) {
                f.get();
            }
            pool.shutdown();
            secondWatch.scan(); // and once more: nothing left to mark here
        }

        for (String id : ids.subList(0, 2)) {
            JsonNode r = api.get("/api/v1/service-requests/" + id).token(admin).send().json();
            assertThat(r.path("sla").get(0).path("status").asString()).isEqualTo("BREACHED");
            assertThat(r.path("sla").get(1).path("status").asString()).isEqualTo("ON_TRACK");
            assertThat(api.get("/api/v1/service-requests?slaStatus=BREACHED").token(admin).send().json().path("total")
                .asLong()).isEqualTo(2);
        }
        long events = tenantTx.read(tenant.id(), s -> jdbc.sql("""
                select count(*) from service_request_sla_events where tenant_id = :t and clock = 'RESPONSE' and event = 'BREACHED'
                """).param("t", tenant.id()).query(Long.class).single());
        assertThat(events).isEqualTo(2);
        // each breach published once (in one SlaReached per batch), however the two runs split the work
        for (String id : ids.subList(0, 2)) {
            long published = jdbc.sql("""
                    select coalesce(sum((length(serialized_event) - length(replace(serialized_event, :id, ''))) / length(:id)), 0)
                      from event_publication
                     where event_type like '%SlaReached' and listener_id like '%SlaAlerts%'
                    """).param("id", id).query(Long.class).single();
            assertThat(published).as(id).isEqualTo(1);
        }

        // answering after the breach does not undo it
        move(ids.get(0), "IN_REVIEW", null);
        assertThat(api.get("/api/v1/service-requests/" + ids.get(0)).token(admin).send().json().path("sla").get(0)
            .path("status").asString()).isEqualTo("BREACHED");
        assertThat(api.get("/api/v1/service-requests/" + ids.get(2)).token(admin).send().json().path("sla").get(0)
            .path("status").asString()).isEqualTo("FULFILLED");
    }

    @Test
    void savedFiltersBelongToTheirUser() {
        Response saved = api.post("/api/v1/service-requests/saved-filters", Map.of("name", "Urgentes vencidas", "query",
                Map.of("status", List.of("NEW", "IN_REVIEW"), "slaStatus", "BREACHED"))).token(admin).send();
        assertThat(saved.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/service-requests/saved-filters", Map.of("name", "Urgentes vencidas", "query", Map.of()))
            .token(admin).send().problemCode()).isEqualTo("saved-filter-name-taken");
        JsonNode mine = api.get("/api/v1/service-requests/saved-filters").token(admin).send().json();
        assertThat(mine.get(0).path("query").path("slaStatus").asString()).isEqualTo("BREACHED");
        tenants.addUser(tenant, "gerente", SystemRole.MANAGER);
        String manager = api.login(tenant.email("gerente"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/service-requests/saved-filters").token(manager).send().json().size()).isZero();
        String id = saved.json().path("id").asString();
        assertThat(api.delete("/api/v1/service-requests/saved-filters/" + id).token(manager).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/service-requests/saved-filters/" + id).token(admin).send().status()).isEqualTo(204);
    }

    @Test
    void anotherTenantsIdsAnswer404() {
        String id = create(admin, request("SEPTIC_TANK", septic()));
        String policy = generalPolicy;
        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        String base = "/api/v1/service-requests/" + id;
        assertThat(api.get(base).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(base, Map.of("description", "X")).token(them).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/transitions", Map.of("to", "IN_REVIEW")).token(them).send().status()).isEqualTo(404);
        assertThat(api.put(base + "/owner", Map.of()).token(them).send().status()).isEqualTo(404);
        assertThat(api.get(base + "/history").token(them).send().status()).isEqualTo(404);
        assertThat(api.post(base + "/media", Map.of("fileId", UUID.randomUUID().toString())).token(them).send().status())
            .isEqualTo(404);
        assertThat(api.delete(base + "/media/" + UUID.randomUUID()).token(them).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/service-types/" + types.get("SEPTIC_TANK"), Map.of("name", "X", "autoAssign", false,
                "active", false)).token(them).send().status()).isEqualTo(404);
        assertThat(api.put("/api/v1/sla-policies/" + policy, Map.of("name", "X", "responseMinutes", 1, "resolutionMinutes",
                1)).token(them).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/sla-policies/" + policy).token(them).send().status()).isEqualTo(404);
        // and another tenant's customer or type cannot be used in a request
        Map<String, Object> body = request("SEPTIC_TANK", septic());
        assertThat(api.post("/api/v1/service-requests", body).token(them).send().problemCode())
            .isEqualTo("unknown-service-type");
        assertThat(api.get("/api/v1/service-requests").token(them).send().json().path("total").asLong()).isZero();
        assertThat(api.get(base).token(admin).send().json().path("status").asString()).isEqualTo("NEW");
    }

    /** A septic-tank request of a new customer, "Ferretería Hernández", at the Mixco warehouse: its id. */
    String hernandezRequest() {
        Map<String, Object> body = request("SEPTIC_TANK", septic());
        body.put("customerId", api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName",
                "Ferretería Hernández", "country", "GT")).token(admin).send().json().path("id").asString());
        body.remove("contactId");
        body.put("description", "Limpieza de fosa en la bodega de Mixco");
        return create(admin, body);
    }

    @Test
    void aTextSearchFindsNumbersCustomerNamesAndDescriptionsWithHonestTotals() {
        String first = create(admin, request("SEPTIC_TANK", septic()));
        String number = api.get("/api/v1/service-requests/" + first).token(admin).send().json().path("number").asString();
        String newest = hernandezRequest();
        // 1 100 older requests of the same customer: a common name, more matches than are counted
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                insert into service_requests (tenant_id, id, number, customer_id, service_type_id, priority, channel,
                                              description, status, created_at, updated_at)
                select tenant_id, gen_random_uuid(), 'SR-T' || lpad(i::text, 5, '0'), customer_id, service_type_id,
                       priority, channel, description, status, created_at - make_interval(mins => i), updated_at
                  from service_requests, generate_series(1, 1100) i
                 where tenant_id = :t and id = :id
                """).param("t", tenant.id()).param("id", UUID.fromString(newest)).update());

        JsonNode common = api.get("/api/v1/service-requests?q=hernandez").token(admin).send().json();
        assertThat(common.path("totalEstimated").asBoolean()).isTrue();
        assertThat(common.path("total").asLong()).isGreaterThan(1000);
        List<String> page = common.path("items").valueStream().map(r -> r.path("id").asString()).toList();
        assertThat(page).hasSize(20).first().isEqualTo(newest);
        assertThat(common.path("items").valueStream().map(r -> r.path("customerName").asString()).distinct().toList())
            .containsExactly("Ferretería Hernández");
        List<String> created = common.path("items").valueStream().map(r -> r.path("createdAt").asString()).toList();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
        JsonNode second = api.get("/api/v1/service-requests?q=HERNÁNDEZ&page=1").token(admin).send().json();
        assertThat(second.path("items").valueStream().map(r -> r.path("id").asString()).toList()).hasSize(20)
            .doesNotContainAnyElementsOf(page);
        assertThat(api.get("/api/v1/service-requests?q=bodega%20de%20mixco").token(admin).send().json().path("total")
            .asLong()).isGreaterThan(1000);

        for (String q : List.of("jose perez", number, "solicitud de prueba")) {
            JsonNode rare = api.get("/api/v1/service-requests?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8)).token(admin).send().json();
            assertThat(rare.path("totalEstimated").asBoolean()).as(q).isFalse();
            assertThat(rare.path("total").asLong()).as(q).isEqualTo(1);
            assertThat(rare.path("items").get(0).path("id").asString()).as(q).isEqualTo(first);
        }
        assertThat(api.get("/api/v1/service-requests?q=hernandez&page=60").token(admin).send().json().path("items")
            .size()).isZero();

        TestTenant other = tenants.create();
        String them = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/service-requests?q=hernandez").token(them).send().json().path("total").asLong())
            .isZero();
    }

    @Test
    void deepPagesAndSearchesWithManyMatchesKeepTheListsOrder() {
        UUID rep = tenants.addUser(tenant, "rep1", SystemRole.SALES);
        String repToken = api.login(tenant.email("rep1"), TestTenants.PASSWORD);
        String newest = hernandezRequest();
        // 2 600 older requests of that customer, two at a time created at the same instant (the key at a deep
        // offset is (created_at, id)), every third one the rep's, half of them in review
        tenantTx.run(tenant.id(), s -> jdbc.sql("""
                insert into service_requests (tenant_id, id, number, customer_id, service_type_id, owner_id, priority,
                                              channel, description, status, created_at, updated_at)
                select tenant_id, gen_random_uuid(), 'SR-T' || lpad(i::text, 5, '0'), customer_id, service_type_id,
                       case when i % 3 = 0 then cast(:rep as uuid) end, priority, channel, description,
                       case when i % 2 = 0 then 'IN_REVIEW' else 'NEW' end, created_at - make_interval(mins => i / 2),
                       updated_at
                  from service_requests, generate_series(1, 2600) i
                 where tenant_id = :t and id = :id
                """).param("t", tenant.id()).param("id", UUID.fromString(newest)).param("rep", rep).update());

        // deep pages (offset 1 000 and more) are the pages an offset gives, in both orders of creation, with a filter
        for (String query : List.of("page=50", "page=51&sort=-createdAt", "page=60&sort=createdAt", "page=56&status=NEW",
                "page=130", "page=200")) {
            String sql = "select id from service_requests where tenant_id = :t"
                    + (query.contains("status=NEW") ? " and status = 'NEW'" : "")
                    + (query.endsWith("sort=createdAt") ? " order by created_at, id" : " order by created_at desc, id desc")
                    + " limit 20 offset " + Integer.parseInt(query.replaceAll("page=([0-9]+).*", "$1")) * 20;
            assertThat(ids(api.get("/api/v1/service-requests?" + query).token(admin).send().json())).as(query)
                .isEqualTo(expected(sql, Map.of()));
        }

        // a common name as a sales rep (the requests they own or created), the first pages, walked in the list's order
        String mine = "select id from service_requests where tenant_id = :t and (owner_id = :rep or created_by = :rep)"
                + " order by created_at desc, id desc limit 20 offset ";
        for (int page : new int[] { 0, 1, 40 }) {
            JsonNode found = api.get("/api/v1/service-requests?q=hernandez&page=" + page).token(repToken).send().json();
            assertThat(found.path("totalEstimated").asBoolean()).isTrue();
            assertThat(ids(found)).as("page " + page).isEqualTo(expected(mine + page * 20, Map.of("rep", rep)));
        }
        // with another filter and more than 1 000 matches; and with a filter that leaves fewer: exact
        JsonNode inReview = api.get("/api/v1/service-requests?q=hernandez&status=IN_REVIEW&page=2").token(admin).send()
            .json();
        assertThat(ids(inReview)).isEqualTo(expected("select id from service_requests where tenant_id = :t"
                + " and status = 'IN_REVIEW' order by created_at desc, id desc limit 20 offset 40", Map.of()));
        JsonNode repsInReview = api.get("/api/v1/service-requests?q=hernandez&status=IN_REVIEW&ownerId=" + rep).token(admin)
            .send().json();
        assertThat(repsInReview.path("totalEstimated").asBoolean()).isFalse();
        assertThat(repsInReview.path("total").asLong()).isEqualTo(433); // i even and a multiple of 3, up to 2 600

        // a text that names a customer and is in descriptions: each request once in the exact total
        Map<String, Object> dairy = request("SEPTIC_TANK", septic());
        dairy.put("customerId", api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName",
                "Lácteos Quetzal", "country", "GT")).token(admin).send().json().path("id").asString());
        dairy.remove("contactId");
        dairy.put("description", "Succión de fosa en Quetzaltenango");
        String both = create(admin, dairy);
        dairy.put("description", "Visita técnica");
        String byName = create(admin, dairy);
        Map<String, Object> other = request("SEPTIC_TANK", septic());
        other.put("description", "Limpieza de trampa de grasa en QUETZALTENANGO");
        String byDescription = create(admin, other);
        JsonNode quetzal = api.get("/api/v1/service-requests?q=quetzal").token(admin).send().json();
        assertThat(quetzal.path("totalEstimated").asBoolean()).isFalse();
        assertThat(quetzal.path("total").asLong()).isEqualTo(3);
        assertThat(ids(quetzal)).containsExactly(byDescription, byName, both);
    }

    static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(r -> r.path("id").asString()).toList();
    }

    List<String> expected(String sql, Map<String, Object> params) {
        return tenantTx.read(tenant.id(), s -> jdbc.sql(sql).param("t", tenant.id()).params(params).query(UUID.class)
            .list()).stream().map(UUID::toString).toList();
    }
}
