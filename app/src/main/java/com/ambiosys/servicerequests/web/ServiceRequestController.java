package com.ambiosys.servicerequests.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.catalog.Currency;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;
import com.ambiosys.servicerequests.Priority;
import com.ambiosys.servicerequests.RequestChannel;
import com.ambiosys.servicerequests.ServiceRequestViews;
import com.ambiosys.servicerequests.ServiceRequests;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;

import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/service-requests")
class ServiceRequestController {


    record ItemRequest(UUID catalogItemId, @Size(max = 300) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 9, fraction = 3) BigDecimal quantity,
            @Size(max = 20) String unit, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            Currency currency, @DecimalMin("0") @DecimalMax("100") BigDecimal vatRate) {

        ServiceRequestViews.NewItem command() {
            return new ServiceRequestViews.NewItem(catalogItemId, description, quantity, unit, unitPrice, currency, vatRate);
        }
    }

    record ServiceRequestCreateRequest(@NotNull UUID customerId, UUID contactId, UUID addressId, @NotNull UUID serviceTypeId, UUID ownerId,
            Priority priority, @NotNull RequestChannel channel, LocalDate requestedDate,
            @NotBlank @Size(max = 4000) String description, JsonNode typeData, @Size(max = 100) List<@Valid @NotNull ItemRequest> items,
            @Size(max = 20) List<@NotNull UUID> mediaFileIds) {
    }

    record ServiceRequestUpdateRequest(UUID contactId, UUID addressId, Priority priority, LocalDate requestedDate,
            @NotBlank @Size(max = 4000) String description, JsonNode typeData,
            @Size(max = 100) List<@Valid @NotNull ItemRequest> items) {
    }

    record TransitionRequest(@NotNull RequestStatus to, @Size(max = 2000) String comment) {
    }

    record OwnerRequest(UUID ownerId) {
    }

    record MediaRequest(@NotNull UUID fileId) {
    }

    record ListFilter(List<RequestStatus> status, UUID serviceTypeId, UUID ownerId, UUID customerId,
            SlaClock.Status slaStatus, LocalDate from, LocalDate to,
            @Size(max = 100) String q, @Pattern(regexp = "-?(createdAt|requestedDate|number)|priority|dueAt") String sort) {

        ServiceRequests.Filter criteria() {
            return new ServiceRequests.Filter(status, serviceTypeId, ownerId, customerId, slaStatus, from, to, q, sort);
        }
    }

    private final ServiceRequests requests;

    ServiceRequestController(ServiceRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @RequiresPermission("servicerequests:view")
    PageResponse<ServiceRequestViews.Summary> list(@Valid ListFilter filter, @Valid PageQuery page) {
        return requests.list(filter.criteria(), page);
    }

    @PostMapping
    @RequiresPermission("servicerequests:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ServiceRequestViews.Request> create(@Valid @RequestBody ServiceRequestCreateRequest body) {
        ServiceRequestViews.Request created = requests.create(new ServiceRequestViews.NewRequest(body.customerId(),
                body.contactId(), body.addressId(), body.serviceTypeId(), body.ownerId(), body.priority(), body.channel(),
                body.requestedDate(), body.description(), body.typeData(), items(body.items()), body.mediaFileIds()));
        return ResponseEntity.created(URI.create("/api/v1/service-requests/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission("servicerequests:view")
    ServiceRequestViews.Request get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission("servicerequests:edit")
    ServiceRequestViews.Request update(@PathVariable UUID id, @Valid @RequestBody ServiceRequestUpdateRequest body) {
        return requests.update(id, new ServiceRequestViews.Changes(body.contactId(), body.addressId(), body.priority(),
                body.requestedDate(), body.description(), body.typeData(), body.items() == null ? null : items(body.items())));
    }

    @PostMapping("/{id}/transitions")
    @RequiresPermission("servicerequests:edit")
    ServiceRequestViews.Request transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest body) {
        return requests.transition(id, body.to(), body.comment());
    }

    /** A new owner; {@code ownerId} null assigns automatically (the customer's owner, or round robin in its country). */
    @PutMapping("/{id}/owner")
    @RequiresPermission("servicerequests:assign")
    ServiceRequestViews.Request assign(@PathVariable UUID id, @Valid @RequestBody OwnerRequest body) {
        return requests.assign(id, body.ownerId());
    }

    @GetMapping("/{id}/history")
    @RequiresPermission("servicerequests:view")
    List<ServiceRequestViews.HistoryEntry> history(@PathVariable UUID id) {
        return requests.history(id);
    }

    @PostMapping("/{id}/media")
    @RequiresPermission("servicerequests:edit")
    ServiceRequestViews.Request addMedia(@PathVariable UUID id, @Valid @RequestBody MediaRequest body) {
        return requests.addMedia(id, body.fileId());
    }

    @DeleteMapping("/{id}/media/{fileId}")
    @RequiresPermission("servicerequests:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMedia(@PathVariable UUID id, @PathVariable UUID fileId) {
        requests.removeMedia(id, fileId);
    }

    private static List<ServiceRequestViews.NewItem> items(List<ItemRequest> items) {
        return items == null ? List.of() : items.stream().map(ItemRequest::command).toList();
    }
}
