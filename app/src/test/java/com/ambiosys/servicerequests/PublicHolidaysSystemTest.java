package com.ambiosys.servicerequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.identity.TenantOnboarding;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestViews.NewRequest;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.tenants.NewTenant;

import tools.jackson.databind.JsonNode;

/** A new tenant's business calendar starts with its country's public holidays; the SLA skips them. */
class PublicHolidaysSystemTest extends TenantApiTest {

    static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

    @Autowired
    TenantOnboarding onboarding;
    @Autowired
    ServiceRequests requests;

    int thisYear = LocalDate.now(GUATEMALA).getYear();

    /** The holidays of the signed-in tenant's calendar, once its opening's listener has seeded them. */
    List<JsonNode> holidays(String token) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/service-requests/settings").token(token)
            .send().json().path("holidays").size() > 0);
        return api.get("/api/v1/service-requests/settings").token(token).send().json().path("holidays").valueStream()
            .toList();
    }

    static List<String> days(List<JsonNode> holidays) {
        return holidays.stream().map(h -> h.path("day").asString()).toList();
    }

    @Test
    void aGuatemalanTenantStartsWithGuatemalasHolidaysOfThisYearAndTheNext() {
        List<JsonNode> holidays = holidays(admin);
        for (int year : new int[] { thisYear, thisYear + 1 }) {
            assertThat(days(holidays)).contains(year + "-01-01", year + "-05-01", year + "-06-30", year + "-09-15",
                    year + "-10-20", year + "-11-01", year + "-12-25");
            assertThat(days(holidays)).doesNotContain(year + "-06-17", year + "-11-02"); // El Salvador's
        }
        assertThat(days(holidays)).doesNotHaveDuplicates().hasSize(20); // 7 fixed and 3 of Holy Week, two years
        assertThat(holidays).anySatisfy(h -> {
            assertThat(h.path("day").asString()).isEqualTo(thisYear + "-09-15");
            assertThat(h.path("name").asString()).isEqualTo("Día de la Independencia");
        });
    }

    @Test
    void aSalvadoranTenantStartsWithElSalvadorsHolidays() {
        String slug = "sv-" + UUID.randomUUID().toString().substring(0, 8);
        onboarding.onboard(new NewTenant(slug, "Empresa " + slug, "SV", "America/El_Salvador", "es"),
                "admin@" + slug + ".example", "Administradora", TestTenants.PASSWORD);
        String salvadoran = api.login("admin@" + slug + ".example", TestTenants.PASSWORD);
        List<String> days = days(holidays(salvadoran));
        assertThat(days).contains(thisYear + "-05-10", thisYear + "-06-17", thisYear + "-08-06", thisYear + "-11-02")
            .doesNotContain(thisYear + "-06-30", thisYear + "-10-20");
    }

    @Test
    void theAdministratorStillEditsTheSeededHolidays() {
        List<JsonNode> seeded = holidays(admin);
        List<Map<String, String>> kept = seeded.stream().filter(h -> !h.path("day").asString().endsWith("-06-30"))
            .map(h -> Map.of("day", h.path("day").asString(), "name", h.path("name").asString())).toList();
        JsonNode settings = api.get("/api/v1/service-requests/settings").token(admin).send().json();
        var body = new java.util.HashMap<String, Object>();
        body.put("approvalRequired", false);
        body.put("timeZone", settings.path("timeZone").asString());
        body.put("week", settings.path("week"));
        body.put("holidays", kept);
        assertThat(api.put("/api/v1/service-requests/settings", body).token(admin).send().status()).isEqualTo(200);
        assertThat(days(holidays(admin))).hasSize(seeded.size() - 2).noneMatch(d -> d.endsWith("-06-30"));
    }

    @Test
    void aRequestCreatedTheDayBeforeIndependenceDayIsDueAfterTheHoliday() {
        holidays(admin);
        String type = api.post("/api/v1/service-types", Map.of("code", "OTHER", "name", "Otro", "dataSchema", "FREE_FORM"))
            .token(admin).send().json().path("id").asString();
        api.post("/api/v1/sla-policies", Map.of("name", "General", "responseMinutes", 240, "resolutionMinutes", 2400))
            .token(admin).send();
        UUID customer = UUID.fromString(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName",
                "Hotel Casa Antigua", "country", "GT")).token(admin).send().json().path("id").asString());
        int year = thisYear + 1; // seeded whatever today's date
        Instant created = LocalDateTime.of(year, 9, 14, 16, 0).atZone(GUATEMALA).toInstant();
        UUID id = TenantContext.callAs(tenant.id(), () -> requests.create(new NewRequest(customer, null, null,
                UUID.fromString(type), null, null, RequestChannel.PHONE, null, "Antes del 15 de septiembre",
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), List.of(), List.of()), created).id());

        JsonNode response = api.get("/api/v1/service-requests/" + id).token(admin).send().json().path("sla").get(0);
        Instant due = Instant.parse(response.path("dueAt").asString());
        LocalDate independence = LocalDate.of(year, 9, 15);
        assertThat(due.atZone(GUATEMALA).toLocalDate()).isAfter(independence);
        // exactly four business hours of the standard week, the 15th not counted
        assertThat(due).isEqualTo(BusinessCalendar.standard(GUATEMALA, Set.of(independence)).plus(created,
                Duration.ofHours(4)));
    }
}
