package com.ambiosys.servicerequests.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.servicerequests.Priority;
import com.ambiosys.servicerequests.ServiceRequestSetup;
import com.ambiosys.servicerequests.domain.TypeDataRules;

/** Settings (approval, business calendar, holidays), service types and SLA policies. */
@RestController
class ServiceRequestSetupController {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00";

    record HolidayRequest(@NotNull LocalDate day, @NotBlank @Size(max = 100) String name) {
    }

    record SettingsRequest(@NotNull Boolean approvalRequired, @NotBlank @Size(max = 60) String timeZone,
            @NotNull @Size(max = 7) Map<DayOfWeek,
                    @Size(max = 6) List<@Size(min = 2, max = 2) List<@NotNull @Pattern(regexp = TIME) String>>> week,
            @Size(max = 100) List<@Valid @NotNull HolidayRequest> holidays) {
    }

    record TypeRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code, @NotBlank @Size(max = 100) String name,
            @NotNull TypeDataRules.Schema dataSchema,
            Boolean autoAssign) {
    }

    record TypeChanges(@NotBlank @Size(max = 100) String name, @NotNull Boolean autoAssign, @NotNull Boolean active) {
    }

    record PolicyRequest(@NotBlank @Size(max = 100) String name, UUID serviceTypeId,
            Priority priority,
            @NotNull @Min(1) @Max(60 * 24 * 90) Integer responseMinutes,
            @NotNull @Min(1) @Max(60 * 24 * 365) Integer resolutionMinutes, Boolean active) {

        ServiceRequestSetup.SlaPolicy policy() {
            return new ServiceRequestSetup.SlaPolicy(null, name, serviceTypeId, priority, responseMinutes, resolutionMinutes,
                    active == null || active);
        }
    }

    private final ServiceRequestSetup setup;

    ServiceRequestSetupController(ServiceRequestSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/api/v1/service-requests/settings")
    @RequiresPermission("servicerequests:view")
    ServiceRequestSetup.Settings settings() {
        return setup.settings();
    }

    @PutMapping("/api/v1/service-requests/settings")
    @RequiresPermission("servicerequests:configure")
    ServiceRequestSetup.Settings updateSettings(@Valid @RequestBody SettingsRequest body) {
        return setup.updateSettings(new ServiceRequestSetup.Settings(body.approvalRequired(), body.timeZone(), body.week(),
                body.holidays() == null ? List.of()
                        : body.holidays().stream().map(h -> new ServiceRequestSetup.Holiday(h.day(), h.name())).toList()));
    }

    @GetMapping("/api/v1/service-types")
    @RequiresPermission("servicerequests:view")
    List<ServiceRequestSetup.ServiceType> types(@RequestParam(defaultValue = "false") boolean activeOnly) {
        return setup.types(activeOnly);
    }

    @PostMapping("/api/v1/service-types")
    @RequiresPermission("servicerequests:configure")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ServiceRequestSetup.ServiceType> createType(@Valid @RequestBody TypeRequest body) {
        ServiceRequestSetup.ServiceType created = setup.createType(body.code(), body.name(),
                body.dataSchema(), Boolean.TRUE.equals(body.autoAssign()));
        return ResponseEntity.created(URI.create("/api/v1/service-types/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/service-types/{id}")
    @RequiresPermission("servicerequests:configure")
    ServiceRequestSetup.ServiceType updateType(@PathVariable UUID id, @Valid @RequestBody TypeChanges body) {
        return setup.updateType(id, body.name(), body.autoAssign(), body.active());
    }

    @GetMapping("/api/v1/sla-policies")
    @RequiresPermission("servicerequests:view")
    List<ServiceRequestSetup.SlaPolicy> policies() {
        return setup.policies();
    }

    @PostMapping("/api/v1/sla-policies")
    @RequiresPermission("servicerequests:configure")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ServiceRequestSetup.SlaPolicy> createPolicy(@Valid @RequestBody PolicyRequest body) {
        ServiceRequestSetup.SlaPolicy created = setup.savePolicy(null, body.policy());
        return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/sla-policies/{id}")
    @RequiresPermission("servicerequests:configure")
    ServiceRequestSetup.SlaPolicy updatePolicy(@PathVariable UUID id, @Valid @RequestBody PolicyRequest body) {
        return setup.savePolicy(id, body.policy());
    }

    @DeleteMapping("/api/v1/sla-policies/{id}")
    @RequiresPermission("servicerequests:configure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePolicy(@PathVariable UUID id) {
        setup.deletePolicy(id);
    }
}
