package com.ambiosys.geo.web;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.geo.GeoDirectory;
import com.ambiosys.platform.security.RequiresPermission;

/** Reference data every signed-in user may read; it changes only with a migration, so clients may cache it. */
@RestController
@RequestMapping("/api/v1/geo")
class GeoController {

    private final GeoDirectory geo;

    GeoController(GeoDirectory geo) {
        this.geo = geo;
    }

    @GetMapping("/countries")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    ResponseEntity<List<GeoDirectory.Country>> countries() {
        return cached(geo.countries());
    }

    @GetMapping("/countries/{code}/departments")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    ResponseEntity<List<GeoDirectory.Place>> departments(@PathVariable String code) {
        return cached(geo.departments(code.toUpperCase(java.util.Locale.ROOT)));
    }

    @GetMapping("/departments/{id}/municipalities")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    ResponseEntity<List<GeoDirectory.Place>> municipalities(@PathVariable String id) {
        return cached(geo.municipalities(id));
    }

    @GetMapping("/municipalities/{id}/districts")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    ResponseEntity<List<GeoDirectory.Place>> districts(@PathVariable String id) {
        return cached(geo.districts(id));
    }

    @GetMapping("/municipalities/{id}/zones")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    ResponseEntity<List<GeoDirectory.Place>> zones(@PathVariable String id) {
        return cached(geo.zones(id));
    }

    private static <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate()).body(body);
    }
}
