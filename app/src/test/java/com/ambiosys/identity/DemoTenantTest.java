package com.ambiosys.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;
import com.ambiosys.tenants.TenantManagement;

import tools.jackson.databind.JsonNode;

/** The first start opens "Ambiotec Demo" with one user per role; AMBIOSYS_ADMIN_* choose the admin's login. */
@SystemTest
class DemoTenantTest {

    @LocalServerPort
    int port;
    @Autowired
    TenantManagement tenants;

    @Test
    void demoTenantHasOneUserPerRoleAndTheConfiguredAdminLogin() {
        assertThat(tenants.findBySlug(DemoTenantSeeder.SLUG)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("Ambiotec Demo");
            assertThat(t.country()).isEqualTo("GT");
        });
        ApiClient api = new ApiClient(port);
        String admin = api.login("admin@ambiotec.example", "Demo-Admin-2026!");
        JsonNode users = api.get("/api/v1/users?size=50").token(admin).send().json();
        assertThat(users.path("total").asLong()).isGreaterThanOrEqualTo(8);
        JsonNode roles = api.get("/api/v1/roles").token(admin).send().json();
        List<String> codes = roles.valueStream().map(r -> r.path("code").asString()).toList();
        assertThat(codes).contains("ADMIN", "MANAGER", "SALES", "AGENT", "FINANCE", "SUPERVISOR", "TECHNICIAN");
        roles.valueStream().forEach(r -> assertThat(r.path("userCount").asLong()).as(r.path("code").asString())
            .isGreaterThanOrEqualTo(1));
        String sales = api.login("ventas@ambiotec.example", "Demo-Admin-2026!");
        assertThat(api.get("/api/v1/me").token(sales).send().json().path("user").path("fullName").asString())
            .isEqualTo("Carlos Enrique Pérez");
        // the customers module adds its demo customers, owned by the demo sales reps
        assertThat(api.get("/api/v1/customers").token(admin).send().json().path("total").asLong()).isEqualTo(9);
        assertThat(api.get("/api/v1/customers").token(sales).send().json().path("total").asLong()).isEqualTo(6);
        assertThat(api.get("/api/v1/customers?status=BLOCKED").token(admin).send().json().path("items").get(0)
            .path("commercialName").asString()).isEqualTo("Pupusería La Ceiba");
        assertThat(api.get("/api/v1/customers?departmentId=GT-03").token(admin).send().json().path("total").asLong())
            .isEqualTo(2); // Eventos Quetzal and Hotel Casa Antigua have sites in Sacatepéquez
        assertThat(api.get("/api/v1/customers?q=55551234").token(sales).send().json().path("items").get(0)
            .path("commercialName").asString()).isEqualTo("José Pérez");
        String losAltos = api.get("/api/v1/customers?q=los%20altos").token(sales).send().json().path("items").get(0)
            .path("id").asString();
        tools.jackson.databind.JsonNode customer = api.get("/api/v1/customers/" + losAltos).token(sales).send().json();
        assertThat(customer.path("addresses").size()).isEqualTo(2);
        assertThat(customer.path("contacts").size()).isEqualTo(2);
        assertThat(customer.path("documents").valueStream().map(d -> d.path("expiry").asString()).toList())
            .containsExactly("EXPIRING", "VALID");
        assertThat(api.get("/api/v1/customers/" + losAltos + "/interactions").token(sales).send().json().path("total")
            .asLong()).isEqualTo(2);
    }
}
