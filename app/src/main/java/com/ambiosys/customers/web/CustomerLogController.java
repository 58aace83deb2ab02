package com.ambiosys.customers.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
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

import com.ambiosys.customers.CustomerLog;
import com.ambiosys.customers.InteractionKind;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/customers/{id}")
class CustomerLogController {

    record LegalEntityRequest(@NotBlank @Size(max = 200) String legalName, @Size(max = 20) String taxId,
            @Size(max = 20) String nrc, Boolean isDefault) {
    }

    record InteractionRequest(@NotNull InteractionKind kind,
            @PastOrPresent Instant occurredAt, @NotBlank @Size(max = 4000) String summary) {
    }

    private final CustomerLog log;

    CustomerLogController(CustomerLog log) {
        this.log = log;
    }

    @GetMapping("/legal-entities")
    @RequiresPermission("customers:view")
    List<CustomerLog.LegalEntity> legalEntities(@PathVariable UUID id) {
        return log.legalEntities(id);
    }

    @PostMapping("/legal-entities")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerLog.LegalEntity> addLegalEntity(@PathVariable UUID id, @Valid @RequestBody LegalEntityRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(log.addLegalEntity(id, body.legalName(), body.taxId(),
                body.nrc(), Boolean.TRUE.equals(body.isDefault())));
    }

    @PutMapping("/legal-entities/{entityId}")
    @RequiresPermission("customers:edit")
    CustomerLog.LegalEntity updateLegalEntity(@PathVariable UUID id, @PathVariable UUID entityId,
            @Valid @RequestBody LegalEntityRequest body) {
        return log.updateLegalEntity(id, entityId, body.legalName(), body.taxId(), body.nrc(),
                Boolean.TRUE.equals(body.isDefault()));
    }

    @DeleteMapping("/legal-entities/{entityId}")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeLegalEntity(@PathVariable UUID id, @PathVariable UUID entityId) {
        log.removeLegalEntity(id, entityId);
    }

    @GetMapping("/interactions")
    @RequiresPermission("customers:view")
    PageResponse<CustomerLog.Interaction> interactions(@PathVariable UUID id, @Valid PageQuery page) {
        return log.interactions(id, page);
    }

    @PostMapping("/interactions")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerLog.Interaction> log(@PathVariable UUID id, @Valid @RequestBody InteractionRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(log.log(id, body.kind(), body.occurredAt(), body.summary(),
                null, null));
    }
}
