package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.files.FileManagement;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.domain.RequestStatus;

/** The rows that hang off a request (transitions, assignments, items, media) and its stored SLA. */
@Component
class ServiceRequestRecords {

    /** The pseudo-field of service_request_changes that holds why an automatic assignment chose its rep. */
    static final String ASSIGNMENT_REASON = "assignmentReason";

    private final JdbcClient jdbc;
    private final ServiceRequestSetup setup;
    private final SlaTracker sla;
    private final FileManagement files;

    ServiceRequestRecords(JdbcClient jdbc, ServiceRequestSetup setup, SlaTracker sla, FileManagement files) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.sla = sla;
        this.files = files;
    }

    /** Recomputes the stored SLA of a request as of {@code now}. */
    void applySla(UUID id, Instant now) {
        SlaTracker.Row row = jdbc.sql("select " + SlaTracker.Row.COLUMNS + " from service_requests where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query((rs, n) -> SlaTracker.Row.of(rs)).single();
        sla.apply(TenantContext.require(), row, sla.pauses(id), setup.calendar(), now);
    }

    void recordTransition(UUID id, RequestStatus from, RequestStatus to, String comment, Instant now,
            CurrentUser actor) {
        jdbc.sql("""
                insert into service_request_transitions (tenant_id, id, request_id, from_status, to_status, actor_id, at, comment)
                values (:t, :id, :r, :from, :to, :actor, :at, :comment)
                """)
            .param("t", TenantContext.require()).param("id", Ids.next()).param("r", id)
            .param("from", from == null ? null : from.name()).param("to", to.name())
            .param("actor", actor == null ? null : actor.userId()).param("at", Timestamp.from(now))
            .param("comment", comment == null || comment.isBlank() ? null : comment.trim()).update();
    }

    /**
     * Records an assignment. Its {@code reason} (an automatic choice's why, or null) is kept as a change of the
     * request's {@value #ASSIGNMENT_REASON} at the same instant: service_request_assignments has no column for it,
     * and its history entry shows it as the assignment's comment.
     */
    void recordAssignment(UUID id, UUID from, UUID to, String method, String reason, Instant now, CurrentUser actor) {
        if (reason != null) {
            jdbc.sql("""
                    insert into service_request_changes (tenant_id, id, request_id, field, old_value, new_value, actor_id, at)
                    values (:t, :id, :r, :field, null, :reason, :actor, :at)
                    """)
                .param("t", TenantContext.require()).param("id", Ids.next()).param("r", id).param("field", ASSIGNMENT_REASON)
                .param("reason", reason).param("actor", actor == null ? null : actor.userId())
                .param("at", Timestamp.from(now)).update();
        }
        jdbc.sql("""
                insert into service_request_assignments (tenant_id, id, request_id, from_owner, to_owner, method, actor_id, at)
                values (:t, :id, :r, :from, :to, :method, :actor, :at)
                """)
            .param("t", TenantContext.require()).param("id", Ids.next()).param("r", id).param("from", from).param("to", to)
            .param("method", method).param("actor", actor == null ? null : actor.userId())
            .param("at", Timestamp.from(now)).update();
    }

    void replaceItems(UUID id, List<LineItemPricing.PricedItem> items) {
        UUID tenant = TenantContext.require();
        jdbc.sql("delete from service_request_items where tenant_id = :t and request_id = :r").param("t", tenant)
            .param("r", id).update();
        int position = 0;
        for (LineItemPricing.PricedItem item : items) {
            jdbc.sql("""
                    insert into service_request_items (tenant_id, id, request_id, position, catalog_item_id, sku, description,
                                                       quantity, unit, unit_price, currency, vat_rate)
                    values (:t, :id, :r, :pos, :cat, :sku, :description, :qty, :unit, :price, :currency, :vat)
                    """)
                .param("t", tenant).param("id", Ids.next()).param("r", id).param("pos", position++)
                .param("cat", item.catalogItemId()).param("sku", item.sku()).param("description", item.description())
                .param("qty", item.quantity()).param("unit", item.unit()).param("price", item.unitPrice())
                .param("currency", item.currency().name()).param("vat", item.vatRate()).update();
        }
    }

    void addMediaRow(UUID id, UUID fileId, Instant now, CurrentUser actor) {
        files.attach(fileId, ServiceRequestFileAccess.OWNER, id.toString());
        jdbc.sql("""
                insert into service_request_media (tenant_id, request_id, file_id, added_at, added_by)
                values (:t, :r, :f, :now, :by) on conflict do nothing
                """)
            .param("t", TenantContext.require()).param("r", id).param("f", fileId).param("now", Timestamp.from(now))
            .param("by", actor == null ? null : actor.userId()).update();
    }

    /** Removes a file from the request's media; the number of rows removed. */
    int removeMediaRow(UUID id, UUID fileId) {
        return jdbc.sql("delete from service_request_media where tenant_id = :t and request_id = :r and file_id = :f")
            .param("t", TenantContext.require()).param("r", id).param("f", fileId).update();
    }
}
