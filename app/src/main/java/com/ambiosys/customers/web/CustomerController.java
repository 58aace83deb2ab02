package com.ambiosys.customers.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import com.ambiosys.customers.AddressKind;
import com.ambiosys.customers.ContactRole;
import com.ambiosys.customers.Country;
import com.ambiosys.customers.CustomerKind;
import com.ambiosys.customers.CustomerManagement;
import com.ambiosys.customers.CustomerStatus;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.customers.DocumentType;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    record ContactRequest(@NotBlank @Size(max = 120) String fullName,
            ContactRole role,
            @Size(max = 5) List<@NotBlank @Size(max = 30) String> phones,
            @Size(max = 5) List<@NotBlank @Email @Size(max = 254) String> emails) {

        CustomerViews.NewContact command() {
            return new CustomerViews.NewContact(fullName, role, phones, emails);
        }
    }

    record CustomerCreateRequest(@NotNull CustomerKind kind,
            @NotBlank @Size(max = 200) String commercialName, @Size(max = 20) String taxId,
            @NotNull Country country, UUID ownerId,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, @Size(max = 4000) String notes,
            @Valid ContactRequest contact, Boolean allowDuplicate) {
    }

    record CustomerUpdateRequest(@NotBlank @Size(max = 200) String commercialName, @Size(max = 20) String taxId, UUID ownerId,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, @Size(max = 4000) String notes) {
    }

    record StatusRequest(@NotNull CustomerStatus status, @Size(max = 500) String reason) {
    }

    record DeleteRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record AddressRequest(@NotNull AddressKind kind,
            @NotBlank @Size(max = 10) String departmentId, @NotBlank @Size(max = 10) String municipalityId,
            @Size(max = 12) String districtId, @Size(max = 40) String zone, @NotBlank @Size(max = 300) String street,
            @Size(max = 300) String reference,
            @jakarta.validation.constraints.DecimalMin("-90") @jakarta.validation.constraints.DecimalMax("90") java.math.BigDecimal latitude,
            @jakarta.validation.constraints.DecimalMin("-180") @jakarta.validation.constraints.DecimalMax("180") java.math.BigDecimal longitude) {

        CustomerViews.NewAddress command() {
            return new CustomerViews.NewAddress(kind, departmentId, municipalityId, districtId, zone, street, reference,
                    latitude, longitude);
        }
    }

    record DocumentRequest(@NotNull DocumentType type,
            @Size(max = 40) String number, java.time.LocalDate expiresOn, UUID fileId) {
    }

    private final CustomerManagement customers;

    CustomerController(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping
    @RequiresPermission("customers:view")
    PageResponse<CustomerViews.CustomerSummary> search(@Valid ListFilter filter, @Valid PageQuery page) {
        return customers.search(filter.criteria(), page);
    }

    @GetMapping("/tags")
    @RequiresPermission("customers:view")
    List<String> tags() {
        return customers.tagsInUse();
    }

    @GetMapping("/owners")
    @RequiresPermission("customers:view")
    List<CustomerViews.Owner> owners() {
        return customers.owners();
    }

    @PostMapping
    @RequiresPermission("customers:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerViews.Customer> create(@Valid @RequestBody CustomerCreateRequest body) {
        CustomerViews.Customer created = customers.create(new CustomerViews.NewCustomer(body.kind(), body.commercialName(),
                body.taxId(), body.country(), body.ownerId(), body.tags(), body.notes(),
                body.contact() == null ? null : body.contact().command(), Boolean.TRUE.equals(body.allowDuplicate())));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission("customers:view")
    CustomerViews.Customer get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission("customers:edit")
    CustomerViews.Customer update(@PathVariable UUID id, @Valid @RequestBody CustomerUpdateRequest body) {
        return customers.update(id, new CustomerViews.CustomerChanges(body.commercialName(), body.taxId(), body.ownerId(),
                body.tags(), body.notes()));
    }

    @PutMapping("/{id}/status")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void status(@PathVariable UUID id, @Valid @RequestBody StatusRequest body) {
        customers.changeStatus(id, body.status(), body.reason());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("customers:delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @Valid @RequestBody DeleteRequest body) {
        customers.delete(id, body.reason());
    }

    @PostMapping("/{id}/addresses")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerViews.Address> addAddress(@PathVariable UUID id, @Valid @RequestBody AddressRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(customers.addAddress(id, body.command()));
    }

    @PutMapping("/{id}/addresses/{addressId}")
    @RequiresPermission("customers:edit")
    CustomerViews.Address updateAddress(@PathVariable UUID id, @PathVariable UUID addressId,
            @Valid @RequestBody AddressRequest body) {
        return customers.updateAddress(id, addressId, body.command());
    }

    @DeleteMapping("/{id}/addresses/{addressId}")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAddress(@PathVariable UUID id, @PathVariable UUID addressId) {
        customers.removeAddress(id, addressId);
    }

    @PostMapping("/{id}/documents")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerViews.Document> addDocument(@PathVariable UUID id, @Valid @RequestBody DocumentRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(customers.addDocument(id,
                new CustomerViews.NewDocument(body.type(), body.number(), body.expiresOn(), body.fileId())));
    }

    @DeleteMapping("/{id}/documents/{documentId}")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDocument(@PathVariable UUID id, @PathVariable UUID documentId) {
        customers.removeDocument(id, documentId);
    }

    @PutMapping("/{id}/contacts/{contactId}")
    @RequiresPermission("customers:edit")
    CustomerViews.Contact updateContact(@PathVariable UUID id, @PathVariable UUID contactId,
            @Valid @RequestBody ContactRequest body) {
        return customers.updateContact(id, contactId, body.command());
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContact(@PathVariable UUID id, @PathVariable UUID contactId) {
        customers.removeContact(id, contactId);
    }

    @PostMapping("/{id}/contacts")
    @RequiresPermission("customers:edit")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerViews.Contact> addContact(@PathVariable UUID id, @Valid @RequestBody ContactRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(customers.addContact(id, body.command()));
    }
}
