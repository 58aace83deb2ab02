package com.ambiosys.servicerequests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerManagement;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestSetup.ServiceType;
import com.ambiosys.servicerequests.ServiceRequestSetup.SlaPolicy;
import com.ambiosys.servicerequests.ServiceRequestViews.Changes;
import com.ambiosys.servicerequests.ServiceRequestViews.Item;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.domain.RequestStatus;

import tools.jackson.databind.json.JsonMapper;

/** Edits of an open request's fields, items and media, every changed field kept in its history. */
@Component
class ServiceRequestEdits {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final ServiceRequestSetup setup;
    private final CustomerManagement customers;
    private final LineItemPricing pricing;
    private final ServiceRequestChecks checks;
    private final ServiceRequestRecords records;
    private final ServiceRequestDetails details;

    ServiceRequestEdits(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock, ServiceRequestSetup setup,
            CustomerManagement customers, LineItemPricing pricing, ServiceRequestChecks checks,
            ServiceRequestRecords records, ServiceRequestDetails details) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.setup = setup;
        this.customers = customers;
        this.pricing = pricing;
        this.checks = checks;
        this.records = records;
        this.details = details;
    }

    Request update(UUID id, Changes changes) {
        Request before = details.locked(id);
        if (!before.status().isOpen()) {
            throw new ConflictException("request-closed", before.number());
        }
        CurrentUser actor = CurrentUsers.current().orElse(null);
        Instant now = clock.instant();
        CustomerViews.Customer customer = customers.get(before.customerId());
        ServiceRequestChecks.checkContactAndAddress(customer, changes.contactId(), changes.addressId());
        ServiceType type = setup.type(before.serviceTypeId());
        Map<String, Object> typeData = changes.typeData() == null ? before.typeData()
                : checks.checkedTypeData(type, changes.typeData());
        Priority priority = changes.priority() == null ? before.priority() : changes.priority();
        List<LineItemPricing.PricedItem> items = changes.items() == null ? null : pricing.resolve(changes.items());

        Map<String, String[]> changed = changed(before, changes, priority, typeData, items);
        if (changed.isEmpty()) {
            return before;
        }
        SlaPolicy policy = setup.match(type.id(), priority).orElse(null);
        boolean slaChanges = changed.containsKey("priority");
        store(id, before, changes, priority, typeData, now);
        if (slaChanges) {
            storePolicy(id, policy);
        }
        if (items != null) {
            records.replaceItems(id, items);
        }
        changed.forEach((field, values) -> jdbc.sql("""
                insert into service_request_changes (tenant_id, id, request_id, field, old_value, new_value, actor_id, at)
                values (:t, :id, :r, :field, :old, :new, :actor, :at)
                """).param("t", TenantContext.require()).param("id", Ids.next()).param("r", id).param("field", field)
            .param("old", values[0]).param("new", values[1]).param("actor", actor == null ? null : actor.userId())
            .param("at", Timestamp.from(now)).update());
        records.applySla(id, now);
        Request after = details.get(id);
        audit.record(AuditAction.UPDATE, "service_request", id, before, after);
        return after;
    }

    /** Every field the changes change: its old and new text. */
    private static Map<String, String[]> changed(Request before, Changes changes, Priority priority,
            Map<String, Object> typeData, List<LineItemPricing.PricedItem> items) {
        Map<String, String[]> changed = new LinkedHashMap<>();
        diff(changed, "contactId", before.contactId(), changes.contactId());
        diff(changed, "addressId", before.addressId(), changes.addressId());
        diff(changed, "priority", before.priority(), priority);
        diff(changed, "requestedDate", before.requestedDate(), changes.requestedDate());
        diff(changed, "description", before.description(), changes.description() == null ? before.description()
                : changes.description().trim());
        Map<String, Object> oldData = normalized(before.typeData());
        Map<String, Object> newData = normalized(typeData);
        Set<String> keys = new java.util.TreeSet<>(oldData.keySet());
        keys.addAll(newData.keySet());
        for (String key : keys) {
            diff(changed, "typeData." + key, oldData.get(key), newData.get(key));
        }
        if (items != null) {
            diff(changed, "items", itemsText(before.items()), itemsText(items));
        }
        return changed;
    }

    private void store(UUID id, Request before, Changes changes, Priority priority, Map<String, Object> typeData,
            Instant now) {
        jdbc.sql("""
                update service_requests set contact_id = :contact, address_id = :address, priority = :priority,
                       requested_date = :requested, description = :description, type_data = cast(:data as jsonb),
                       updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("contact", changes.contactId()).param("address", changes.addressId()).param("priority", priority.name())
            .param("requested", changes.requestedDate() == null ? null : java.sql.Date.valueOf(changes.requestedDate()))
            .param("description", changes.description() == null ? before.description() : changes.description().trim())
            .param("data", json.writeValueAsString(typeData)).param("now", Timestamp.from(now))
            .param("t", TenantContext.require()).param("id", id).update();
    }

    private void storePolicy(UUID id, SlaPolicy policy) {
        jdbc.sql("""
                update service_requests set sla_policy_id = :policy, response_minutes = :response,
                       resolution_minutes = :resolution,
                       response_sla = case when cast(:response as integer) is null then null else coalesce(response_sla, 'ON_TRACK') end,
                       resolution_sla = case when cast(:resolution as integer) is null then null else coalesce(resolution_sla, 'ON_TRACK') end
                 where tenant_id = :t and id = :id
                """)
            .param("policy", policy == null ? null : policy.id())
            .param("response", policy == null ? null : policy.responseMinutes())
            .param("resolution", policy == null ? null : policy.resolutionMinutes())
            .param("t", TenantContext.require()).param("id", id).update();
    }

    Request addMedia(UUID id, UUID fileId) {
        details.locked(id);
        checks.knownFile(fileId);
        records.addMediaRow(id, fileId, clock.instant(), CurrentUsers.current().orElse(null));
        audit.record(AuditAction.UPDATE, "service_request", id, null, Map.of("mediaAdded", fileId.toString()));
        return details.get(id);
    }

    void removeMedia(UUID id, UUID fileId) {
        details.locked(id);
        int removed = records.removeMediaRow(id, fileId);
        if (removed == 0) {
            throw new NotFoundException("file");
        }
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("mediaRemoved", fileId.toString()), null);
    }

    private static void diff(Map<String, String[]> changed, String field, Object before, Object after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        if (!Objects.equals(b, a)) {
            changed.put(field, new String[] { b, a });
        }
    }

    /** Type data with numbers compared by value (2 and 2.0 are the same). */
    private static Map<String, Object> normalized(Map<String, Object> data) {
        Map<String, Object> out = new TreeMap<>();
        data.forEach((k, v) -> out.put(k, v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros()
                .toPlainString() : v instanceof Map<?, ?> m ? new TreeMap<>(m).toString() : v));
        return out;
    }

    private static String itemsText(List<?> items) {
        List<String> lines = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Item i) {
                lines.add(i.quantity().stripTrailingZeros().toPlainString() + " × " + i.description() + " @ "
                        + i.unitPrice().toPlainString() + " " + i.currency());
            }
            else if (o instanceof LineItemPricing.PricedItem i) {
                lines.add(i.quantity().stripTrailingZeros().toPlainString() + " × " + i.description() + " @ "
                        + i.unitPrice().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + i.currency());
            }
        }
        return String.join("; ", lines);
    }
}
