package com.ambiosys.servicerequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/**
 * Automatic assignment (a Guatemalan tenant, two reps): the customer's owner takes their customer's request; otherwise
 * the round robin runs only among the reps of the customer's country (a rep's country is that of the customers they
 * own; one who owns none counts as of the tenant's); the history says why, in Spanish and English.
 */
class AutomaticAssignmentSystemTest extends TenantApiTest {

    String septicType;
    UUID salvadoran;
    UUID guatemalan;

    @BeforeEach
    void setUp() {
        septicType = api.post("/api/v1/service-types", Map.of("code", "SEPTIC_TANK", "name", "Fosa séptica", "dataSchema",
                "SEPTIC_TANK")).token(admin).send().json().path("id").asString();
        api.put("/api/v1/service-types/" + septicType, Map.of("name", "Fosa séptica", "autoAssign", true, "active", true))
            .token(admin).send();
        // the Salvadoran rep first: the lowest id, the one a round robin over every rep would pick first
        salvadoran = tenants.addUser(tenant, "ventas.sv", SystemRole.SALES);
        guatemalan = tenants.addUser(tenant, "ventas.gt", SystemRole.SALES);
    }

    String customer(String name, String country, UUID owner) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "COMPANY", "commercialName", name, "country", country));
        if (owner != null) {
            body.put("ownerId", owner.toString());
        }
        Response created = api.post("/api/v1/customers", body).token(admin).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    JsonNode request(String customerId) {
        Response created = api.post("/api/v1/service-requests", Map.of("customerId", customerId, "serviceTypeId",
                septicType, "channel", "PHONE", "description", "Limpieza de fosa", "typeData", Map.of("waterType", "BLACK",
                        "volumeM3", 4, "accessConditions", "Libre", "hoseDistanceM", 10))).token(admin).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    /** Why the request's first assignment chose its rep, in a language. */
    String why(JsonNode request, String language) {
        List<JsonNode> assignments = api.get("/api/v1/service-requests/" + request.path("id").asString() + "/history")
            .token(admin).language(language).send().json().valueStream()
            .filter(h -> h.path("kind").asString().equals("ASSIGNMENT")).toList();
        assertThat(assignments).hasSize(1);
        return assignments.get(0).path("comment").asString();
    }

    @Test
    void automaticAssignmentPrefersTheCustomersOwnerThenRepsOfTheCustomersCountry() {
        String ownedByGuatemalan = customer("Hotel Casa Antigua", "GT", guatemalan);
        String mixco = customer("Municipalidad de Mixco", "GT", null); // owned by the administrator, not a rep
        String santaAna = customer("Cafetalera Santa Ana", "SV", null);

        // no rep owns a Salvadoran customer yet (the Salvadoran rep, owning none, counts as Guatemalan): nobody
        JsonNode unassigned = request(santaAna);
        assertThat(unassigned.path("ownerId").isNull() || unassigned.path("ownerId").isMissingNode()).isTrue();
        assertThat(why(unassigned, "es")).isEqualTo("Ningún vendedor de El Salvador disponible");
        assertThat(why(unassigned, "en")).isEqualTo("No sales rep of El Salvador available");

        customer("Beneficio San Miguel", "SV", salvadoran); // now the Salvadoran rep is of El Salvador
        JsonNode forMixco = request(mixco);
        assertThat(forMixco.path("ownerId").asString()).isEqualTo(guatemalan.toString());
        assertThat(request(mixco).path("ownerId").asString()).as("the only Guatemalan rep, again")
            .isEqualTo(guatemalan.toString());
        assertThat(why(forMixco, "es")).isEqualTo("Turno rotativo entre los vendedores de Guatemala");
        assertThat(why(forMixco, "en")).isEqualTo("Round robin among the sales reps of Guatemala");

        JsonNode forSantaAna = request(santaAna);
        assertThat(forSantaAna.path("ownerId").asString()).isEqualTo(salvadoran.toString());
        assertThat(why(forSantaAna, "en")).isEqualTo("Round robin among the sales reps of El Salvador");

        JsonNode forOwned = request(ownedByGuatemalan);
        assertThat(forOwned.path("ownerId").asString()).isEqualTo(guatemalan.toString());
        assertThat(why(forOwned, "es")).isEqualTo("Responsable del cliente");
        assertThat(why(forOwned, "en")).isEqualTo("Owner of the customer");

        // reassigning "automatically" follows the same rule
        JsonNode reassigned = api.put("/api/v1/service-requests/" + unassigned.path("id").asString() + "/owner",
                java.util.Collections.singletonMap("ownerId", null)).token(admin).send().json();
        assertThat(reassigned.path("ownerId").asString()).isEqualTo(salvadoran.toString());
    }

    @Test
    void theCustomersOwnerWhoMayNotTakeRequestsIsPassedOver() {
        UUID manager = tenants.addUser(tenant, "gerente", SystemRole.MANAGER);
        String ownedByManager = customer("Eventos Quetzal", "GT", manager);
        JsonNode request = request(ownedByManager);
        assertThat(request.path("ownerId").asString()).isIn(guatemalan.toString(), salvadoran.toString());
        assertThat(why(request, "en")).isEqualTo("Round robin among the sales reps of Guatemala");
    }

    @Test
    void alternatingCountriesStillGiveEveryRepOfACountryTheirTurn() {
        customer("Beneficio San Miguel", "SV", salvadoran); // the Salvadoran rep is of El Salvador
        UUID secondGuatemalan = tenants.addUser(tenant, "ventas.gt2", SystemRole.SALES);
        String mixco = customer("Municipalidad de Mixco", "GT", null);
        String santaAna = customer("Cafetalera Santa Ana", "SV", null);

        java.util.Set<String> guatemalans = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            guatemalans.add(request(mixco).path("ownerId").asString());
            assertThat(request(santaAna).path("ownerId").asString()).isEqualTo(salvadoran.toString());
        }
        assertThat(guatemalans).containsExactlyInAnyOrder(guatemalan.toString(), secondGuatemalan.toString());
    }

    @Test
    void automaticReassignmentWorksForAnAssignerWhoCannotSeeTheCustomer() {
        customer("Beneficio San Miguel", "SV", salvadoran);
        String mixco = customer("Municipalidad de Mixco", "GT", null); // owned by the administrator
        String id = request(mixco).path("id").asString();

        String assignerRole = api.post("/api/v1/roles", Map.of("code", "ASIGNADOR", "name", "Asignador", "permissions",
                List.of("servicerequests:view", "servicerequests:view_all", "servicerequests:assign", "customers:view")))
            .token(admin).send().json().path("id").asString();
        UUID assignerId = tenants.addUser(tenant, "asignador", SystemRole.TECHNICIAN);
        assertThat(api.put("/api/v1/users/" + assignerId + "/roles", Map.of("roleIds", List.of(assignerRole))).token(admin)
            .send().status()).isEqualTo(200);
        String assigner = api.login(tenant.email("asignador"), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/customers/" + mixco).token(assigner).send().status())
            .as("the customer is not the assigner's").isEqualTo(404);

        Response reassigned = api.put("/api/v1/service-requests/" + id + "/owner",
                java.util.Collections.singletonMap("ownerId", null)).token(assigner).send();
        assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);
        assertThat(reassigned.json().path("ownerId").asString()).isEqualTo(guatemalan.toString());
    }

    @Test
    void automaticReassignmentWorksForADeletedCustomer() {
        customer("Beneficio San Miguel", "SV", salvadoran);
        String mixco = customer("Municipalidad de Mixco", "GT", null);
        String id = request(mixco).path("id").asString();
        assertThat(api.delete("/api/v1/customers/" + mixco, Map.of("reason", "Duplicado")).token(admin).send().status())
            .isEqualTo(204);

        Response reassigned = api.put("/api/v1/service-requests/" + id + "/owner",
                java.util.Collections.singletonMap("ownerId", null)).token(admin).send();
        assertThat(reassigned.status()).as(reassigned.text()).isEqualTo(200);
        assertThat(reassigned.json().path("ownerId").asString()).isEqualTo(guatemalan.toString());
    }
}
