package com.ambiosys.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the customers API shows and accepts. */
public final class CustomerViews {

    private CustomerViews() {
    }

    public record Contact(UUID id, String fullName, ContactRole role, List<String> phones, List<String> emails) {
    }

    public record Customer(UUID id, CustomerKind kind, String commercialName, String taxId, Country country,
            CustomerStatus status,
            String statusReason, UUID ownerId, List<String> tags, String notes, List<Contact> contacts,
            List<Address> addresses, List<Document> documents, Instant createdAt, Instant updatedAt) {
    }

    public record Address(UUID id, AddressKind kind, String departmentId, String municipalityId, String districtId,
            String zone, String street, String reference, java.math.BigDecimal latitude, java.math.BigDecimal longitude,
            String mapUrl) {
    }

    public record NewAddress(AddressKind kind, String departmentId, String municipalityId, String districtId, String zone,
            String street, String reference, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }

    /** @param expiry NONE, VALID, EXPIRING (within 30 days) or EXPIRED */
    public record Document(UUID id, DocumentType type, String number, java.time.LocalDate expiresOn, String expiry,
            UUID fileId) {
    }

    public record NewDocument(DocumentType type, String number, java.time.LocalDate expiresOn, UUID fileId) {
    }

    public record CustomerSummary(UUID id, CustomerKind kind, String commercialName, String taxId, CustomerStatus status,
            UUID ownerId, List<String> tags, Instant createdAt) {
    }

    public record NewContact(String fullName, ContactRole role, List<String> phones, List<String> emails) {
    }

    public record NewCustomer(CustomerKind kind, String commercialName, String taxId, Country country, UUID ownerId,
            List<String> tags, String notes, NewContact contact, boolean allowDuplicate) {
    }

    public record CustomerChanges(String commercialName, String taxId, UUID ownerId, List<String> tags, String notes) {
    }

    /** Another customer that shares a tax id, phone or email with the one being created. */
    public record PossibleDuplicate(UUID id, String commercialName, String matchedOn) {
    }

    /** The filters of the list, the search and the export; every one optional. */
    public record CustomerFilter(String q, CustomerStatus status, UUID ownerId, String tag, String departmentId) {
    }

    /** A customer named by other modules (the inbox's suggestion, a request's customer). */
    public record CustomerRef(UUID id, String commercialName) {
    }

    /** Someone who can own customers: an active user of the tenant. */
    public record Owner(UUID id, String fullName) {
    }
}
