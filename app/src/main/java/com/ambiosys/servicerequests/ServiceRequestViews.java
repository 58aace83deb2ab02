package com.ambiosys.servicerequests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ambiosys.catalog.Currency;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;
import com.ambiosys.servicerequests.domain.TypeDataRules;

import tools.jackson.databind.JsonNode;

/** What the service requests API shows and accepts. */
public final class ServiceRequestViews {

    private ServiceRequestViews() {
    }

    /** A line item: from the catalog ({@code catalogItemId}) or typed in; the catalog fills what is left out. */
    public record NewItem(UUID catalogItemId, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            Currency currency, BigDecimal vatRate) {
    }

    public record Item(UUID id, UUID catalogItemId, String sku, String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, Currency currency, BigDecimal vatRate, BigDecimal subtotal, BigDecimal vat,
            BigDecimal total) {
    }

    /** Totals per currency (a request may mix GTQ and USD lines). */
    public record Totals(Currency currency, BigDecimal subtotal, BigDecimal vat, BigDecimal total) {
    }

    public record NewRequest(UUID customerId, UUID contactId, UUID addressId, UUID serviceTypeId, UUID ownerId,
            Priority priority, RequestChannel channel, LocalDate requestedDate, String description, JsonNode typeData,
            List<NewItem> items, List<UUID> mediaFileIds) {
    }

    public record Changes(UUID contactId, UUID addressId, Priority priority, LocalDate requestedDate, String description,
            JsonNode typeData, List<NewItem> items) {
    }

    /** One SLA clock of a request. */
    public record Sla(String clock, Integer targetMinutes, SlaClock.Status status, boolean paused, Instant atRiskAt, Instant dueAt,
            Instant metAt, long elapsedMinutes) {
    }

    public record Summary(UUID id, String number, UUID customerId, String customerName, UUID serviceTypeId,
            String serviceTypeName, UUID ownerId, String ownerName, Priority priority, RequestChannel channel, RequestStatus status,
            LocalDate requestedDate, Instant createdAt, SlaClock.Status responseSla, SlaClock.Status resolutionSla,
            Instant resolutionDueAt) {

        /** The same row with the names its customer's and owner's modules gave. */
        Summary withNames(String customer, String owner) {
            return new Summary(id, number, customerId, customer, serviceTypeId, serviceTypeName, ownerId, owner, priority,
                    channel, status, requestedDate, createdAt, responseSla, resolutionSla, resolutionDueAt);
        }
    }

    public record Request(UUID id, String number, UUID customerId, String customerName, UUID contactId, UUID addressId,
            UUID serviceTypeId, String serviceTypeName, TypeDataRules.Schema dataSchema, UUID ownerId, String ownerName, Priority priority,
            RequestChannel channel, LocalDate requestedDate, String description, Map<String, Object> typeData, RequestStatus status,
            String statusReason, RequestStatus resumeTo, List<RequestStatus> allowedTransitions, List<Item> items, List<Totals> totals,
            List<UUID> mediaFileIds, List<Sla> sla, Instant createdAt, Instant updatedAt, long version) {
    }

    /** One entry of a request's history: a transition, a field change, an assignment or an SLA event. */
    public record HistoryEntry(Instant at, String kind, UUID actorId, String actorName, String field, String from,
            String to, String comment) {
    }

    public record SavedFilter(UUID id, String name, Map<String, Object> query) {
    }
}
