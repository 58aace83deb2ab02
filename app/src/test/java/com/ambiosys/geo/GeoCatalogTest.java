package com.ambiosys.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

@SystemTest
class GeoCatalogTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestTenants tenants;
    @LocalServerPort
    int port;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void guatemalaHas22DepartmentsAnd340Municipalities() {
        assertThat(count("select count(*) from geo_departments where country = 'GT'")).isEqualTo(22);
        assertThat(count("select count(*) from geo_municipalities m join geo_departments d on d.id = m.department_id "
                + "where d.country = 'GT'")).isEqualTo(340);
        assertThat(count("select count(*) from geo_municipalities where id = 'GT-' || code")).isEqualTo(340);
    }

    @Test
    void elSalvadorHas14Departments44MunicipalitiesAnd262Districts() {
        assertThat(count("select count(*) from geo_departments where country = 'SV'")).isEqualTo(14);
        assertThat(count("select count(*) from geo_municipalities m join geo_departments d on d.id = m.department_id "
                + "where d.country = 'SV'")).isEqualTo(44);
        assertThat(count("select count(*) from geo_districts")).isEqualTo(262);
        assertThat(count("select count(*) from geo_municipalities m join geo_departments d on d.id = m.department_id "
                + "where d.country = 'SV' and not exists (select 1 from geo_districts x where x.municipality_id = m.id)"))
            .as("every new municipality has districts").isZero();
    }

    @Test
    void pickersWalkDownTheHierarchyInSpanishOrder() {
        ApiClient api = new ApiClient(port);
        String token = api.login(tenants.create().adminEmail(), TestTenants.PASSWORD);
        List<String> countries = api.get("/api/v1/geo/countries").token(token).send().json().valueStream()
            .map(c -> c.path("code").asString()).toList();
        assertThat(countries).containsExactly("SV", "GT"); // El Salvador, Guatemala by name
        JsonNode departments = api.get("/api/v1/geo/countries/gt/departments").token(token).send().json();
        assertThat(departments.size()).isEqualTo(22);
        JsonNode municipalities = api.get("/api/v1/geo/departments/GT-01/municipalities").token(token).send().json();
        assertThat(municipalities.valueStream().map(m -> m.path("name").asString()).toList())
            .contains("Guatemala", "Mixco", "Villa Nueva", "San José Pinula");
        JsonNode zones = api.get("/api/v1/geo/municipalities/GT-0101/zones").token(token).send().json();
        assertThat(zones.get(0).path("name").asString()).isEqualTo("Zona 1");
        JsonNode districts = api.get("/api/v1/geo/municipalities/SV-0601/districts").token(token).send().json();
        assertThat(districts.size()).isGreaterThan(0);
        assertThat(api.get("/api/v1/geo/departments/XX-99/municipalities").token(token).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/geo/countries").send().status()).isEqualTo(401);
    }
}
