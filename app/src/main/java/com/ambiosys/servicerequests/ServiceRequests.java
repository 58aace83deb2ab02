package com.ambiosys.servicerequests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;
import com.ambiosys.servicerequests.ServiceRequestViews.Changes;
import com.ambiosys.servicerequests.ServiceRequestViews.HistoryEntry;
import com.ambiosys.servicerequests.ServiceRequestViews.NewRequest;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.ServiceRequestViews.Summary;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;

/**
 * The service requests module's public service: create, find, edit, move through the workflow, assign. Each use
 * case runs in its transaction here; the work is done by the module's package-private parts.
 */
@Service
public class ServiceRequests {

    /** The filters of the request list; every one optional. */
    public record Filter(List<RequestStatus> statuses, UUID serviceTypeId, UUID ownerId, UUID customerId, SlaClock.Status slaStatus,
            LocalDate createdFrom, LocalDate createdTo, String q, String sort) {
    }

    /** Input that breaks rules, listing what is wrong with each field of the type-specific data (or another list). */
    public static final class InvalidFields extends InvalidInputException {

        InvalidFields(String code, List<Map<String, String>> errors) {
            super(code);
            with("errors", errors);
        }
    }

    private final Clock clock;
    private final ServiceRequestCreation creation;
    private final ServiceRequestDetails details;
    private final ServiceRequestSearch search;
    private final ServiceRequestEdits edits;
    private final ServiceRequestTransitions transitions;
    private final ServiceRequestRecords records;
    private final ServiceRequestExport export;

    ServiceRequests(Clock clock, ServiceRequestCreation creation, ServiceRequestDetails details,
            ServiceRequestSearch search, ServiceRequestEdits edits, ServiceRequestTransitions transitions,
            ServiceRequestRecords records, ServiceRequestExport export) {
        this.export = export;
        this.clock = clock;
        this.creation = creation;
        this.details = details;
        this.search = search;
        this.edits = edits;
        this.transitions = transitions;
        this.records = records;
    }

    @Transactional
    public Request create(NewRequest command) {
        return create(command, clock.instant());
    }

    /** Creates the request as of {@code now} (the demo data uses past instants). */
    @Transactional
    Request create(NewRequest command, Instant now) {
        return creation.create(command, now);
    }

    @Transactional(readOnly = true)
    public Request get(UUID id) {
        return details.get(id);
    }

    @Transactional(readOnly = true)
    public PageResponse<Summary> list(Filter filter, PageQuery page) {
        return search.list(filter, page);
    }

    /**
     * Every request the filters select (up to {@code limit}), in the list's order, handed to the consumer one by one
     * as they are read (an export).
     */
    @Transactional(readOnly = true)
    public void export(Filter filter, int limit, java.util.function.Consumer<Summary> consumer) {
        export.export(filter, limit, consumer);
    }

    /** Transitions, field changes, assignments and SLA events, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id) {
        return details.history(id);
    }

    /** Edits an open request; every changed field is kept in its history. */
    @Transactional
    public Request update(UUID id, Changes changes) {
        return edits.update(id, changes);
    }

    /** Moves the request through its workflow; an illegal move is a 409 with the allowed ones. */
    @Transactional
    public Request transition(UUID id, RequestStatus target, String comment) {
        return transition(id, target, comment, clock.instant());
    }

    /** Moves the request as of {@code now} (the demo data uses past instants). */
    @Transactional
    Request transition(UUID id, RequestStatus target, String comment, Instant now) {
        return transitions.transition(id, target, comment, now);
    }

    /** Gives the request to another sales rep (or, with {@code ownerId} null, by round robin). */
    @Transactional
    public Request assign(UUID id, UUID ownerId) {
        return transitions.assign(id, ownerId);
    }

    @Transactional
    public Request addMedia(UUID id, UUID fileId) {
        return edits.addMedia(id, fileId);
    }

    @Transactional
    public void removeMedia(UUID id, UUID fileId) {
        edits.removeMedia(id, fileId);
    }

    /** Recomputes the stored SLA of a request as of now (after its timestamps were moved, as the demo data does). */
    @Transactional
    void refreshSla(UUID id) {
        records.applySla(id, clock.instant());
    }
}
