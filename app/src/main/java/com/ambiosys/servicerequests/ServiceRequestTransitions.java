package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.DomainException;
import com.ambiosys.platform.errors.ForbiddenException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.Workflow;

/** A request's moves through its workflow (pausing its SLA while it waits on the customer) and its assignment. */
@Component
class ServiceRequestTransitions {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ServiceRequestSetup setup;
    private final ServiceRequestChecks checks;
    private final ServiceRequestRecords records;
    private final ServiceRequestDetails details;
    private final AutomaticAssignment automatic;

    ServiceRequestTransitions(JdbcClient jdbc, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
            ServiceRequestSetup setup, ServiceRequestChecks checks, ServiceRequestRecords records,
            ServiceRequestDetails details, AutomaticAssignment automatic) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.setup = setup;
        this.checks = checks;
        this.records = records;
        this.details = details;
        this.automatic = automatic;
    }

    /** Moves the request as of {@code now} (the demo data uses past instants). */
    Request transition(UUID id, RequestStatus to, String comment, Instant now) {
        Request before = details.locked(id);
        CurrentUser actor = CurrentUsers.current().orElse(null);
        RequestStatus from = before.status();
        RequestStatus resumeTo = before.resumeTo();
        check(from, resumeTo, to, comment, actor);
        UUID tenant = TenantContext.require();
        if (to == RequestStatus.WAITING_ON_CUSTOMER) {
            jdbc.sql("insert into service_request_pauses (tenant_id, request_id, paused_at) values (:t, :r, :now)")
                .param("t", tenant).param("r", id).param("now", Timestamp.from(now)).update();
        }
        if (from == RequestStatus.WAITING_ON_CUSTOMER) {
            jdbc.sql("update service_request_pauses set resumed_at = :now where tenant_id = :t and request_id = :r and resumed_at is null")
                .param("t", tenant).param("r", id).param("now", Timestamp.from(now)).update();
        }
        jdbc.sql("""
                update service_requests set status = :to,
                       resume_to = :resume,
                       status_reason = case when :closing then :reason else status_reason end,
                       responded_at = case when responded_at is null and :responds then :now else responded_at end,
                       closed_at = case when :closing then :now else closed_at end,
                       updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("to", to.name()).param("resume", to == RequestStatus.WAITING_ON_CUSTOMER ? from.name() : null)
            .param("closing", !to.isOpen()).param("reason", comment == null ? null : comment.trim())
            .param("responds", Workflow.isFirstResponse(from, to)).param("now", Timestamp.from(now))
            .param("t", tenant).param("id", id).update();
        records.recordTransition(id, from, to, comment, now, actor);
        records.applySla(id, now);
        Request after = details.get(id);
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("status", from.name()),
                Map.of("status", to.name(), "comment", comment == null ? "" : comment));
        events.publishEvent(new ServiceRequestStatusChanged(tenant, id, from.name(), to.name(),
                actor == null ? null : actor.userId(), comment));
        return after;
    }

    /** Refuses a move the workflow does not allow, with the moves it does. */
    private void check(RequestStatus from, RequestStatus resumeTo, RequestStatus to, String comment, CurrentUser actor) {
        Workflow workflow = new Workflow(setup.settings().approvalRequired());
        try {
            workflow.check(from, resumeTo, to, comment, actor == null || actor.can("servicerequests:approve"));
        }
        catch (Workflow.IllegalTransition ex) {
            Set<RequestStatus> allowed = workflow.targets(from, resumeTo);
            Object[] move = { inWords(from), inWords(to) };
            DomainException refused = switch (ex.refusal()) {
                case REASON_REQUIRED -> new InvalidInputException("reason-required", move);
                case APPROVAL_REQUIRED -> new ConflictException("approval-required", move);
                case NOT_AN_APPROVER -> new ForbiddenException("not-an-approver", move);
                default -> new ConflictException("illegal-transition", move);
            };
            throw refused.with("from", from.name()).with("to", to.name())
                .with("allowed", allowed.stream().map(Enum::name).sorted().toList());
        }
    }

    /** Gives the request to another sales rep (or, with {@code ownerId} null, automatically: {@link AutomaticAssignment}). */
    Request assign(UUID id, UUID ownerId) {
        Request before = details.locked(id);
        if (!before.status().isOpen()) {
            throw new ConflictException("request-closed", before.number());
        }
        AutomaticAssignment.Choice choice = null;
        if (ownerId == null) {
            var customer = checks.ownerAndCountry(before.customerId());
            choice = automatic.choose(before.serviceTypeId(), customer.ownerId(), customer.country());
        }
        UUID owner = choice == null ? checks.checkedOwner(ownerId) : choice.owner();
        if (owner == null) {
            throw new ConflictException("no-sales-reps");
        }
        if (owner.equals(before.ownerId())) {
            return before;
        }
        CurrentUser actor = CurrentUsers.current().orElse(null);
        Instant now = clock.instant();
        String method = ownerId == null ? "ROUND_ROBIN" : "MANUAL";
        jdbc.sql("update service_requests set owner_id = :owner, updated_at = :now, version = version + 1 where tenant_id = :t and id = :id")
            .param("owner", owner).param("now", Timestamp.from(now)).param("t", TenantContext.require()).param("id", id)
            .update();
        records.recordAssignment(id, before.ownerId(), owner, method, choice == null ? null : choice.code(), now, actor);
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("ownerId", String.valueOf(before.ownerId())),
                Map.of("ownerId", owner.toString()));
        events.publishEvent(new ServiceRequestAssigned(TenantContext.require(), id, before.ownerId(), owner, method));
        return details.get(id);
    }

    /** A state as the problem's text names it: in words, in the caller's language (the message source resolves it). */
    static MessageSourceResolvable inWords(RequestStatus status) {
        return new DefaultMessageSourceResolvable(new String[] { "sr.status." + status.name() }, status.name());
    }
}
