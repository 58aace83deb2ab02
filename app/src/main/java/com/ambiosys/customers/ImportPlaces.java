package com.ambiosys.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ambiosys.geo.GeoDirectory;

/** Departments, municipalities and districts by id or by name (accents and case forgiven), cached per import. */
final class ImportPlaces {

    private final GeoDirectory geo;
    private final Map<String, List<GeoDirectory.Place>> cache = new HashMap<>();

    ImportPlaces(GeoDirectory geo) {
        this.geo = geo;
    }

    String department(String country, String value) {
        return find(cache.computeIfAbsent("c:" + country, k -> geo.departments(country)), value);
    }

    String municipality(String departmentId, String value) {
        return find(cache.computeIfAbsent("d:" + departmentId, k -> geo.municipalities(departmentId)), value);
    }

    String district(String municipalityId, String value) {
        return find(cache.computeIfAbsent("m:" + municipalityId, k -> geo.districts(municipalityId)), value);
    }

    private static String find(List<GeoDirectory.Place> places, String value) {
        String wanted = ImportRowRules.plain(value);
        return places.stream().filter(p -> p.id().equalsIgnoreCase(value.trim())
                || ImportRowRules.plain(p.name()).equals(wanted) || value.trim().equals(p.code()))
            .map(GeoDirectory.Place::id).findFirst().orElse(null);
    }
}
