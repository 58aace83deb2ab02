package com.ambiosys.geo;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.errors.NotFoundException;


/** Reads the geographic catalog, one level at a time, sorted by name. */
@Service
@Transactional(readOnly = true)
public class GeoDirectory {

    public record Country(String code, String name, String phonePrefix, String currency, String timeZone) {
    }

    /** A department, municipality, district or zone: its id, official code (if any) and name. */
    public record Place(String id, String code, String name) {
    }

    private final JdbcClient jdbc;

    GeoDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Country> countries() {
        return jdbc.sql("select code, name, phone_prefix, currency, time_zone from geo_countries order by name")
            .query((rs, n) -> new Country(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)))
            .list();
    }

    public List<Place> departments(String country) {
        require("select count(*) from geo_countries where code = :id", country, "country");
        return places("select id, code, name from geo_departments where country = :id order by name", country);
    }

    public List<Place> municipalities(String departmentId) {
        require("select count(*) from geo_departments where id = :id", departmentId, "department");
        return places("select id, code, name from geo_municipalities where department_id = :id order by name", departmentId);
    }

    public List<Place> districts(String municipalityId) {
        require("select count(*) from geo_municipalities where id = :id", municipalityId, "municipality");
        return places("select id, code, name from geo_districts where municipality_id = :id order by name", municipalityId);
    }

    public List<Place> zones(String municipalityId) {
        require("select count(*) from geo_municipalities where id = :id", municipalityId, "municipality");
        return places("""
                select id, null as code, name from geo_zones where municipality_id = :id
                 order by length(name), name
                """, municipalityId);
    }

    /** True when the municipality lies in the department, the department in the country, and the district (if any) in the municipality. */
    public boolean isValidPlace(String country, String departmentId, String municipalityId, String districtId) {
        return jdbc.sql("""
                select count(*) from geo_municipalities m join geo_departments d on d.id = m.department_id
                 where m.id = :m and d.id = :d and d.country = :c
                   and (cast(:x as text) is null or exists (select 1 from geo_districts x where x.id = :x and x.municipality_id = m.id))
                """).param("m", municipalityId).param("d", departmentId).param("c", country).param("x", districtId)
            .query(Long.class).single() == 1;
    }

    private List<Place> places(String sql, String id) {
        return jdbc.sql(sql).param("id", id)
            .query((rs, n) -> new Place(rs.getString("id"), rs.getString("code"), rs.getString("name")))
            .list();
    }

    private void require(String sql, String id, String entity) {
        if (jdbc.sql(sql).param("id", id).query(Long.class).single() == 0) {
            throw new NotFoundException(entity);
        }
    }
}
