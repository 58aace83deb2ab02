package com.ambiosys.servicerequests.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.servicerequests.SavedFilters;
import com.ambiosys.servicerequests.ServiceRequestViews;

/** The current user's saved filters of the request list. */
@RestController
@RequestMapping("/api/v1/service-requests/saved-filters")
class SavedFilterController {

    record SaveRequest(@NotBlank @Size(max = 60) String name, @NotNull @Size(max = 12) Map<@Size(max = 40) String, Object> query) {
    }

    private final SavedFilters filters;

    SavedFilterController(SavedFilters filters) {
        this.filters = filters;
    }

    @GetMapping
    @RequiresPermission("servicerequests:view")
    List<ServiceRequestViews.SavedFilter> mine() {
        return filters.mine();
    }

    @PostMapping
    @RequiresPermission("servicerequests:view")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ServiceRequestViews.SavedFilter> save(@Valid @RequestBody SaveRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(filters.save(body.name(), body.query()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("servicerequests:view")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        filters.delete(id);
    }
}
