package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestSetup.ServiceType;
import com.ambiosys.servicerequests.ServiceRequestSetup.SlaPolicy;
import com.ambiosys.servicerequests.ServiceRequestViews.NewRequest;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;

import tools.jackson.databind.json.JsonMapper;

/** A new request: checked, numbered, given an owner and an SLA policy, with its items and media. */
@Component
class ServiceRequestCreation {

    /**
     * Who owns a new request, how they were chosen (MANUAL, ROUND_ROBIN for automatic, CREATOR) and, when automatic,
     * why ({@link AutomaticAssignment.Choice#code()}).
     */
    private record Ownership(UUID owner, String method, String reason) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ServiceRequestSetup setup;
    private final LineItemPricing pricing;
    private final ServiceRequestChecks checks;
    private final ServiceRequestRecords records;
    private final ServiceRequestDetails details;
    private final AutomaticAssignment automatic;

    ServiceRequestCreation(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ApplicationEventPublisher events,
            ServiceRequestSetup setup, LineItemPricing pricing, ServiceRequestChecks checks,
            ServiceRequestRecords records, ServiceRequestDetails details, AutomaticAssignment automatic) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.events = events;
        this.setup = setup;
        this.pricing = pricing;
        this.checks = checks;
        this.records = records;
        this.details = details;
        this.automatic = automatic;
    }

    /** Creates the request as of {@code now} (the demo data uses past instants). */
    Request create(NewRequest command, Instant now) {
        UUID tenant = TenantContext.require();
        CurrentUser actor = CurrentUsers.current().orElse(null);
        ServiceType type = checks.knownType(command.serviceTypeId());
        CustomerViews.Customer customer = checks.knownCustomer(command.customerId());
        ServiceRequestChecks.checkContactAndAddress(customer, command.contactId(), command.addressId());
        Map<String, Object> typeData = checks.checkedTypeData(type, command.typeData());
        List<LineItemPricing.PricedItem> items = pricing.resolve(command.items());
        List<UUID> media = command.mediaFileIds() == null ? List.of() : command.mediaFileIds().stream().distinct().toList();
        media.forEach(checks::knownFile);

        Ownership ownership = ownership(command, type, customer, actor);
        UUID owner = ownership.owner();
        String method = ownership.method();
        Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
        SlaPolicy policy = setup.match(type.id(), priority).orElse(null);

        UUID id = Ids.next();
        String number = nextNumber();
        insert(tenant, id, number, command, customer, type, owner, priority, typeData, policy, now, actor);
        records.replaceItems(id, items);
        for (UUID file : media) {
            records.addMediaRow(id, file, now, actor);
        }
        records.recordTransition(id, null, RequestStatus.NEW, null, now, actor);
        if (owner != null || ownership.reason() != null) {
            records.recordAssignment(id, null, owner, method, ownership.reason(), now, actor);
        }
        records.applySla(id, now);
        Request created = details.get(id);
        audit.record(AuditAction.CREATE, "service_request", id, null, created);
        events.publishEvent(new ServiceRequestCreated(tenant, id, number, customer.id(), type.id(), owner, command.channel()));
        if (owner != null) {
            events.publishEvent(new ServiceRequestAssigned(tenant, id, null, owner, method));
        }
        return created;
    }

    private Ownership ownership(NewRequest command, ServiceType type, CustomerViews.Customer customer, CurrentUser actor) {
        if (command.ownerId() != null) {
            return new Ownership(checks.checkedOwner(command.ownerId()), "MANUAL", null);
        }
        else if (type.autoAssign()) {
            AutomaticAssignment.Choice choice = automatic.choose(type.id(), customer.ownerId(), customer.country());
            return new Ownership(choice.owner(), "ROUND_ROBIN", choice.code());
        }
        else {
            return new Ownership(actor != null && actor.can("servicerequests:edit") ? actor.userId() : null, "CREATOR", null);
        }
    }

    private void insert(UUID tenant, UUID id, String number, NewRequest command, CustomerViews.Customer customer,
            ServiceType type, UUID owner, Priority priority, Map<String, Object> typeData, SlaPolicy policy, Instant now,
            CurrentUser actor) {
        jdbc.sql("""
                insert into service_requests (tenant_id, id, number, customer_id, contact_id, address_id, service_type_id,
                    owner_id, priority, channel, requested_date, description, type_data, status, sla_policy_id,
                    response_minutes, resolution_minutes, response_sla, resolution_sla, created_at, updated_at, created_by)
                values (:t, :id, :number, :customer, :contact, :address, :type, :owner, :priority, :channel, :requested,
                    :description, cast(:data as jsonb), 'NEW', :policy, :response, :resolution, :responseSla, :resolutionSla,
                    :now, :now, :by)
                """)
            .param("t", tenant).param("id", id).param("number", number).param("customer", customer.id())
            .param("contact", command.contactId()).param("address", command.addressId()).param("type", type.id())
            .param("owner", owner).param("priority", priority.name()).param("channel", command.channel().name())
            .param("requested", command.requestedDate() == null ? null : java.sql.Date.valueOf(command.requestedDate()))
            .param("description", command.description().trim()).param("data", json.writeValueAsString(typeData))
            .param("policy", policy == null ? null : policy.id())
            .param("response", policy == null ? null : policy.responseMinutes())
            .param("resolution", policy == null ? null : policy.resolutionMinutes())
            .param("responseSla", policy == null ? null : SlaClock.Status.ON_TRACK.name())
            .param("resolutionSla", policy == null ? null : SlaClock.Status.ON_TRACK.name())
            .param("now", Timestamp.from(now)).param("by", actor == null ? null : actor.userId())
            .update();
    }

    private String nextNumber() {
        long next = jdbc.sql("""
                insert into service_request_numbers (tenant_id, last_value) values (:t, 1)
                on conflict (tenant_id) do update set last_value = service_request_numbers.last_value + 1
                returning last_value
                """).param("t", TenantContext.require()).query(Long.class).single();
        return String.format("SR-%06d", next);
    }
}
