package com.ambiosys.servicerequests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerManagement;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.files.FileManagement;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.StaffDirectory.StaffMember;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.ApiException;
import com.ambiosys.platform.web.ListTotals;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;
import com.ambiosys.servicerequests.ServiceRequestSetup.ServiceType;
import com.ambiosys.servicerequests.ServiceRequestSetup.SlaPolicy;
import com.ambiosys.servicerequests.ServiceRequestViews.Changes;
import com.ambiosys.servicerequests.ServiceRequestViews.HistoryEntry;
import com.ambiosys.servicerequests.ServiceRequestViews.Item;
import com.ambiosys.servicerequests.ServiceRequestViews.NewRequest;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.ServiceRequestViews.Sla;
import com.ambiosys.servicerequests.ServiceRequestViews.Summary;
import com.ambiosys.servicerequests.ServiceRequestViews.Totals;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;
import com.ambiosys.servicerequests.domain.TypeDataRules;
import com.ambiosys.servicerequests.domain.Workflow;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The service requests module's public service: create, find, edit, move through the workflow, assign. */
@Service
public class ServiceRequests {

    /** The filters of the request list; every one optional. */
    public record Filter(List<String> statuses, UUID serviceTypeId, UUID ownerId, UUID customerId, String slaStatus,
            LocalDate createdFrom, LocalDate createdTo, String q, String sort) {
    }

    /** A 400 listing what is wrong with each field of the type-specific data (or another list of fields). */
    public static final class InvalidFields extends ApiException {
        private final transient List<Map<String, String>> errors;

        InvalidFields(String code, List<Map<String, String>> errors) {
            super(HttpStatus.BAD_REQUEST, code);
            this.errors = errors;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errors", errors);
        }
    }

    /** A 409 for a move the workflow does not allow, with the moves it does. */
    public static final class IllegalTransition extends ApiException {
        private final transient Map<String, Object> properties;

        IllegalTransition(HttpStatus status, String code, RequestStatus from, RequestStatus to, Set<RequestStatus> allowed) {
            super(status, code, from.name(), to.name());
            this.properties = Map.of("from", from.name(), "to", to.name(),
                    "allowed", allowed.stream().map(Enum::name).sorted().toList());
        }

        @Override
        public Map<String, Object> properties() {
            return properties;
        }
    }

    static final Map<String, String> SORTS = Map.of("createdAt", "r.created_at asc, r.id asc", "-createdAt",
            "r.created_at desc, r.id desc", "requestedDate", "r.requested_date asc nulls last, r.id asc", "-requestedDate",
            "r.requested_date desc nulls last, r.id desc", "number", "r.number asc", "-number", "r.number desc",
            "priority", "array_position(array['URGENT','HIGH','NORMAL','LOW'], r.priority), r.created_at desc",
            "dueAt", "r.resolution_due_at asc nulls last, r.id asc");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ListTotals totals;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ServiceRequestSetup setup;
    private final SlaTracker sla;
    private final CustomerManagement customers;
    private final StaffDirectory staff;
    private final FileManagement files;
    private final LineItemPricing pricing;

    ServiceRequests(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
            MessageSource messages, ServiceRequestSetup setup, SlaTracker sla, CustomerManagement customers,
            StaffDirectory staff, FileManagement files, LineItemPricing pricing, ListTotals totals) {
        this.totals = totals;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.messages = messages;
        this.setup = setup;
        this.sla = sla;
        this.customers = customers;
        this.staff = staff;
        this.files = files;
        this.pricing = pricing;
    }

    // ---------------------------------------------------------------- create

    @Transactional
    public Request create(NewRequest command) {
        return create(command, clock.instant());
    }

    /** Creates the request as of {@code now} (the demo data uses past instants). */
    @Transactional
    Request create(NewRequest command, Instant now) {
        UUID tenant = TenantContext.require();
        CurrentUser actor = CurrentUsers.current().orElse(null);
        ServiceType type = knownType(command.serviceTypeId());
        CustomerViews.Customer customer = knownCustomer(command.customerId());
        checkContactAndAddress(customer, command.contactId(), command.addressId());
        Map<String, Object> typeData = checkedTypeData(type, command.typeData());
        List<LineItemPricing.PricedItem> items = pricing.resolve(command.items());
        List<UUID> media = command.mediaFileIds() == null ? List.of() : command.mediaFileIds().stream().distinct().toList();
        media.forEach(this::knownFile);

        String method;
        UUID owner;
        if (command.ownerId() != null) {
            owner = checkedOwner(command.ownerId());
            method = "MANUAL";
        }
        else if (type.autoAssign()) {
            owner = nextInRoundRobin(type.id());
            method = "ROUND_ROBIN";
        }
        else {
            owner = actor != null && actor.can("servicerequests:edit") ? actor.userId() : null;
            method = "CREATOR";
        }
        String priority = command.priority() == null ? "NORMAL" : command.priority();
        SlaPolicy policy = setup.match(type.id(), priority).orElse(null);

        UUID id = Ids.next();
        String number = nextNumber();
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
            .param("owner", owner).param("priority", priority).param("channel", command.channel())
            .param("requested", command.requestedDate() == null ? null : java.sql.Date.valueOf(command.requestedDate()))
            .param("description", command.description().trim()).param("data", json.writeValueAsString(typeData))
            .param("policy", policy == null ? null : policy.id())
            .param("response", policy == null ? null : policy.responseMinutes())
            .param("resolution", policy == null ? null : policy.resolutionMinutes())
            .param("responseSla", policy == null ? null : "ON_TRACK").param("resolutionSla", policy == null ? null : "ON_TRACK")
            .param("now", Timestamp.from(now)).param("by", actor == null ? null : actor.userId())
            .update();
        replaceItems(id, items);
        for (UUID file : media) {
            addMediaRow(id, file, now, actor);
        }
        recordTransition(id, null, RequestStatus.NEW, null, now, actor);
        if (owner != null) {
            recordAssignment(id, null, owner, method, now, actor);
        }
        applySla(id, now);
        Request created = get(id);
        audit.record(AuditAction.CREATE, "service_request", id, null, created);
        events.publishEvent(new ServiceRequestCreated(tenant, id, number, customer.id(), type.id(), owner, command.channel()));
        if (owner != null) {
            events.publishEvent(new ServiceRequestAssigned(tenant, id, null, owner, method));
        }
        return created;
    }

    private String nextNumber() {
        long next = jdbc.sql("""
                insert into service_request_numbers (tenant_id, last_value) values (:t, 1)
                on conflict (tenant_id) do update set last_value = service_request_numbers.last_value + 1
                returning last_value
                """).param("t", TenantContext.require()).query(Long.class).single();
        return String.format("SR-%06d", next);
    }

    // ---------------------------------------------------------------- read

    @Transactional(readOnly = true)
    public Request get(UUID id) {
        UUID tenant = TenantContext.require();
        Instant now = clock.instant();
        Request request = jdbc.sql("""
                select r.*, c.commercial_name, st.name as type_name, st.data_schema
                  from service_requests r
                  join customers c on c.tenant_id = r.tenant_id and c.id = r.customer_id
                  join service_types st on st.tenant_id = r.tenant_id and st.id = r.service_type_id
                 where r.tenant_id = :t and r.id = :id""" + visibility())
            .param("t", tenant).param("id", id).params(visibilityParams())
            .query((rs, n) -> request(rs, now)).optional()
            .orElseThrow(() -> ApiException.notFound("service-request"));
        return request;
    }

    private Request request(ResultSet rs, Instant now) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        SlaTracker.Row row = SlaTracker.Row.of(rs);
        List<SlaClock.Pause> pauses = sla.pauses(id);
        ServiceRequestSetup.Settings settings = setup.settings(); // one read for the calendar and the workflow
        BusinessCalendar calendar = ServiceRequestSetup.calendarOf(settings);
        List<Sla> clocks = new ArrayList<>();
        clocks.add(slaView("RESPONSE", sla.response(row, pauses, calendar), row.responseSla(), row.respondedAt(), now));
        clocks.add(slaView("RESOLUTION", sla.resolution(row, pauses, calendar), row.resolutionSla(),
                RequestStatus.COMPLETED.name().equals(row.status()) ? row.closedAt() : null, now));
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        RequestStatus resumeTo = rs.getString("resume_to") == null ? null : RequestStatus.valueOf(rs.getString("resume_to"));
        Set<RequestStatus> allowed = new Workflow(settings.approvalRequired()).targets(status, resumeTo);
        List<Item> items = items(id);
        UUID owner = rs.getObject("owner_id", UUID.class);
        java.sql.Date requested = rs.getDate("requested_date");
        return new Request(id, rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("commercial_name"), rs.getObject("contact_id", UUID.class),
                rs.getObject("address_id", UUID.class), rs.getObject("service_type_id", UUID.class),
                rs.getString("type_name"), rs.getString("data_schema"), owner, owner == null ? null : names().get(owner),
                rs.getString("priority"), rs.getString("channel"), requested == null ? null : requested.toLocalDate(),
                rs.getString("description"), json.readValue(rs.getString("type_data"), MAP), status.name(),
                rs.getString("status_reason"), resumeTo == null ? null : resumeTo.name(),
                allowed.stream().map(Enum::name).sorted().toList(), items, totals(items), media(id), clocks,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static Sla slaView(String name, SlaClock clock, String stored, Instant metAt, Instant now) {
        if (clock == null) {
            return new Sla(name, null, null, false, null, null, null, 0);
        }
        return new Sla(name, (int) clock.target().toMinutes(), SlaTracker.status(clock, stored, now), clock.pausedAt(now),
                clock.atRiskAt(), clock.dueAt(), metAt, clock.elapsed(now).toMinutes());
    }

    @Transactional(readOnly = true)
    public PageResponse<Summary> list(Filter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>(visibilityParams());
        params.put("t", TenantContext.require());
        params.put("statuses", filter.statuses() == null || filter.statuses().isEmpty() ? null
                : filter.statuses().toArray(String[]::new));
        params.put("type", filter.serviceTypeId());
        params.put("owner", filter.ownerId());
        params.put("customer", filter.customerId());
        params.put("sla", filter.slaStatus());
        java.time.ZoneId zone = filter.createdFrom() == null && filter.createdTo() == null ? null
                : java.time.ZoneId.of(setup.settings().timeZone());
        params.put("from", filter.createdFrom() == null ? null : Timestamp.from(filter.createdFrom()
            .atStartOfDay(zone).toInstant()));
        params.put("to", filter.createdTo() == null ? null : Timestamp.from(filter.createdTo().plusDays(1)
            .atStartOfDay(zone).toInstant()));
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
        params.put("q", q);
        boolean text = q != null;
        // the text search (number, customer name or description) goes through service_request_customers_matching
        // (V24: the customer words index) and service_requests_matching (V15): under row-level security the
        // application role cannot use the word and trigram indexes itself
        String matching = "(r.customer_id = any(array(select service_request_customers_matching(:q)))"
                + " or r.id = any(array(select service_requests_matching(:q))))";
        // the same test for a walk in the list's order, row by row: a hashed subplan per function (one hash
        // probe a row) instead of "= any(array)", which compares each row with every element (a common word
        // in descriptions, "quetzal", matches 7 500 requests: 48 ms of comparisons for a 20-row page)
        String walking = "(r.customer_id in (select service_request_customers_matching(:q))"
                + " or r.id in (select service_requests_matching(:q)))";
        String filters = """
                 where r.tenant_id = :t
                   and (cast(:statuses as text[]) is null or r.status = any(cast(:statuses as text[])))
                   and (cast(:type as uuid) is null or r.service_type_id = :type)
                   and (cast(:owner as uuid) is null or r.owner_id = :owner)
                   and (cast(:customer as uuid) is null or r.customer_id = :customer)
                   and (cast(:sla as text) is null or r.response_sla = :sla or r.resolution_sla = :sla)
                   and (cast(:from as timestamptz) is null or r.created_at >= :from)
                   and (cast(:to as timestamptz) is null or r.created_at < :to)
                """ + visibility();
        String where = filters + (text ? " and " + matching : "");
        String sort = filter.sort() == null || !SORTS.containsKey(filter.sort()) ? "-createdAt" : filter.sort();
        String order = SORTS.get(sort);
        if (!text) {
            ListTotals.Total total = totals.count("service-requests", "service_requests r" + where, params);
            boolean deep = deep(sort, page.offset());
            if (deep) {
                params.put("deep", page.offset()); // after the count: not a part of its key
            }
            return new PageResponse<>(page(deep ? deep("service_requests r" + where, sort) : "service_requests r" + where,
                    order, false, params, page.sizeOrDefault(), deep ? 0 : page.offset(), null),
                    page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
        }
        // a text search: its matches found once (service_requests_search, V28): with at most EXACT_TOTAL_UP_TO in
        // all, the matching customers and the other matching requests, from which the page and its exact total
        // are taken; with more (a common name: thousands of requests), an estimated total (kept a few seconds,
        // as ListTotals keeps every estimate: the next pages and the same search again skip the counting), and
        // the page of the list without other filters in its default order is read by walking the list's order
        // and stopping after the page (service_requests_search_page)
        boolean plain = filter.statuses() == null || filter.statuses().isEmpty();
        plain = plain && filter.serviceTypeId() == null && filter.ownerId() == null && filter.customerId() == null
                && filter.slaStatus() == null && filter.createdFrom() == null && filter.createdTo() == null
                && "-createdAt".equals(sort);
        ListTotals.Total total = totals.kept("service-requests", params);
        if (total == null) {
            Map<String, Object> search = jdbc.sql("""
                    select cast(customers as text) as customers, cast(requests as text) as requests, more
                      from service_requests_search(:q, cast(:cap as int))""")
                .param("q", q).param("cap", EXACT_TOTAL_UP_TO).query().singleRow();
            if (!(Boolean) search.get("more")) {
                params.put("customers", search.get("customers"));
                params.put("requests", search.get("requests"));
                String found = "service_requests r" + filters + " and (r.customer_id = any(cast(:customers as uuid[]))"
                        + " or r.id = any(cast(:requests as uuid[])))";
                long[] counted = { -1 };
                List<Summary> items = page(found, order, true, params, page.sizeOrDefault(), page.offset(), counted);
                if (counted[0] < 0) { // a page past the end
                    counted[0] = jdbc.sql("select count(*) from " + found).params(params).query(Long.class).single();
                }
                return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), counted[0], false);
            }
            if (plain) {
                total = totals.estimate("service-requests", "service_requests r" + where, params, EXACT_TOTAL_UP_TO + 1);
            }
        }
        if (plain) {
            // the page's ids (an init plan), then their rows by id (offset 0: the walk skipped the offset)
            params.put("walk", page.offset());
            List<Summary> items = page("service_requests r where r.tenant_id = :t and r.id = any(array("
                    + "select service_requests_search_page(:q, cast(:viewer as uuid), cast(:limit as int),"
                    + " cast(:walk as bigint))))" + visibility(), order, false, params, page.sizeOrDefault(), 0, null);
            return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
        }
        // other filters or another order, more than EXACT_TOTAL_UP_TO matches in all: the first
        // EXACT_TOTAL_UP_TO + 1 matches of the filters (through the bitmap of the two functions' ids), counted,
        // and the page taken from them; when there are no more that is the page and its exact total. More
        // have an estimated total, and the page is read by walking the list's index in its order and stopping
        // after the page (coalesce keeps the planner from fetching every match through the bitmap and
        // sorting them all)
        long[] counted = { -1 };
        List<Summary> items = page("(select " + COLUMNS + " from service_requests r" + where + " limit "
                + (EXACT_TOTAL_UP_TO + 1) + ") r", order, true, params, page.sizeOrDefault(), page.offset(), counted);
        if (counted[0] < 0) { // a page past the end
            counted[0] = totals.count("service-requests", "service_requests r" + where, params).counted();
        }
        if (counted[0] <= EXACT_TOTAL_UP_TO) {
            return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), counted[0], false);
        }
        total = totals.estimate("service-requests", "service_requests r" + where, params, counted[0]);
        items = page("service_requests r" + filters + " and coalesce(" + walking + ", false)", order, false, params,
                page.sizeOrDefault(), page.offset(), null);
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
    }

    /** Offsets from which a page of the list in its order of creation first finds the key at the offset. */
    static final long DEEP_OFFSET = 1000;

    private static boolean deep(String sort, long offset) {
        return offset >= DEEP_OFFSET && ("-createdAt".equals(sort) || "createdAt".equals(sort));
    }

    /**
     * A deep page (offset 10 000) of the list in its order of creation: the key (created_at, id) of the row
     * at the offset, found with the same filters through the narrow service_requests_keys_idx (V28; with
     * filters the planner takes the index that carries them), and the page from that key on (offset 0):
     * an index-only scan of the page's wide index forms every entry it passes, 13 columns, the narrow one
     * three.
     */
    private static String deep(String source, String sort) {
        String cmp = "-createdAt".equals(sort) ? "<=" : ">=";
        return source + " and (r.created_at, r.id) " + cmp + " (select r.created_at, r.id from " + source
                + " order by " + SORTS.get(sort) + " limit 1 offset :deep)";
    }

    private static final String COLUMNS = """
            r.id, r.number, r.customer_id, r.service_type_id, r.owner_id, r.priority, r.channel, r.status,
            r.requested_date, r.created_at, r.response_sla, r.resolution_sla, r.resolution_due_at""";

    /**
     * One page of the list from {@code source} (requests as {@code r}, filtered), then the names of its
     * customers, types and owners (20 lookups each, not one per row skipped by a deep offset); {@code count}:
     * the source's rows are counted into {@code counted[0]} (count(*) over ()).
     */
    private List<Summary> page(String source, String order, boolean count, Map<String, Object> params, long limit,
            long offset, long[] counted) {
        return jdbc.sql("""
                select r.*, c.commercial_name, st.name as type_name, u.full_name as owner_name
                  from (select""" + " " + COLUMNS + (count ? ", count(*) over () as total" : "") + " from " + source
                + " order by " + order + """
                         limit :limit offset :offset) r
                  join customers c on c.tenant_id = :t and c.id = r.customer_id
                  join service_types st on st.tenant_id = :t and st.id = r.service_type_id
                  left join users u on u.tenant_id = :t and u.id = r.owner_id
                 order by """ + " " + order)
            .params(params).param("limit", limit).param("offset", offset)
            .query((rs, n) -> {
                if (count) {
                    counted[0] = rs.getLong("total");
                }
                UUID owner = rs.getObject("owner_id", UUID.class);
                UUID type = rs.getObject("service_type_id", UUID.class);
                java.sql.Date requested = rs.getDate("requested_date");
                Timestamp due = rs.getTimestamp("resolution_due_at");
                return new Summary(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("customer_id", UUID.class), rs.getString("commercial_name"), type, rs.getString("type_name"),
                        owner, rs.getString("owner_name"), rs.getString("priority"), rs.getString("channel"),
                        rs.getString("status"), requested == null ? null : requested.toLocalDate(),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("response_sla"),
                        rs.getString("resolution_sla"), due == null ? null : due.toInstant());
            })
            .list();
    }

    /** Totals above this are estimated (ListTotals): counting 200 000 rows costs more than the page. */
    static final int EXACT_TOTAL_UP_TO = ListTotals.EXACT_UP_TO;

    /** Transitions, field changes, assignments and SLA events, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id) {
        get(id);
        Map<UUID, String> names = names();
        List<HistoryEntry> entries = new ArrayList<>(jdbc.sql("""
                select at, 'TRANSITION' as kind, actor_id, null as field, from_status as old, to_status as new, comment
                  from service_request_transitions where tenant_id = :t and request_id = :id
                union all
                select at, 'CHANGE', actor_id, field, old_value, new_value, null
                  from service_request_changes where tenant_id = :t and request_id = :id
                union all
                select at, 'ASSIGNMENT', actor_id, method, cast(from_owner as text), cast(to_owner as text), null
                  from service_request_assignments where tenant_id = :t and request_id = :id
                union all
                select at, 'SLA', null, clock, null, event, null
                  from service_request_sla_events where tenant_id = :t and request_id = :id
                 order by 1, 2
                """).param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> {
                UUID actor = rs.getObject("actor_id", UUID.class);
                String kind = rs.getString("kind");
                String old = rs.getString("old");
                String neu = rs.getString("new");
                if ("ASSIGNMENT".equals(kind)) {
                    old = old == null ? null : names.getOrDefault(UUID.fromString(old), old);
                    neu = neu == null ? null : names.getOrDefault(UUID.fromString(neu), neu);
                }
                return new HistoryEntry(rs.getTimestamp("at").toInstant(), kind, actor,
                        actor == null ? null : names.get(actor), rs.getString("field"), old, neu, rs.getString("comment"));
            })
            .list());
        return entries;
    }

    // ---------------------------------------------------------------- change

    /** Edits an open request; every changed field is kept in its history. */
    @Transactional
    public Request update(UUID id, Changes changes) {
        Request before = locked(id);
        if (!RequestStatus.valueOf(before.status()).isOpen()) {
            throw ApiException.conflict("request-closed", before.number());
        }
        CurrentUser actor = CurrentUsers.current().orElse(null);
        Instant now = clock.instant();
        CustomerViews.Customer customer = customers.get(before.customerId());
        checkContactAndAddress(customer, changes.contactId(), changes.addressId());
        ServiceType type = setup.type(before.serviceTypeId());
        Map<String, Object> typeData = changes.typeData() == null ? before.typeData()
                : checkedTypeData(type, changes.typeData());
        String priority = changes.priority() == null ? before.priority() : changes.priority();
        List<LineItemPricing.PricedItem> items = changes.items() == null ? null : pricing.resolve(changes.items());

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
        if (changed.isEmpty()) {
            return before;
        }
        SlaPolicy policy = setup.match(type.id(), priority).orElse(null);
        boolean slaChanges = changed.containsKey("priority");
        jdbc.sql("""
                update service_requests set contact_id = :contact, address_id = :address, priority = :priority,
                       requested_date = :requested, description = :description, type_data = cast(:data as jsonb),
                       updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("contact", changes.contactId()).param("address", changes.addressId()).param("priority", priority)
            .param("requested", changes.requestedDate() == null ? null : java.sql.Date.valueOf(changes.requestedDate()))
            .param("description", changes.description() == null ? before.description() : changes.description().trim())
            .param("data", json.writeValueAsString(typeData)).param("now", Timestamp.from(now))
            .param("t", TenantContext.require()).param("id", id).update();
        if (slaChanges) {
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
        if (items != null) {
            replaceItems(id, items);
        }
        changed.forEach((field, values) -> jdbc.sql("""
                insert into service_request_changes (tenant_id, id, request_id, field, old_value, new_value, actor_id, at)
                values (:t, :id, :r, :field, :old, :new, :actor, :at)
                """).param("t", TenantContext.require()).param("id", Ids.next()).param("r", id).param("field", field)
            .param("old", values[0]).param("new", values[1]).param("actor", actor == null ? null : actor.userId())
            .param("at", Timestamp.from(now)).update());
        applySla(id, now);
        Request after = get(id);
        audit.record(AuditAction.UPDATE, "service_request", id, before, after);
        return after;
    }

    /** Moves the request through its workflow; an illegal move is a 409 with the allowed ones. */
    @Transactional
    public Request transition(UUID id, String target, String comment) {
        return transition(id, target, comment, clock.instant());
    }

    /** Moves the request as of {@code now} (the demo data uses past instants). */
    @Transactional
    Request transition(UUID id, String target, String comment, Instant now) {
        Request before = locked(id);
        CurrentUser actor = CurrentUsers.current().orElse(null);
        RequestStatus from = RequestStatus.valueOf(before.status());
        RequestStatus to = RequestStatus.valueOf(target);
        RequestStatus resumeTo = before.resumeTo() == null ? null : RequestStatus.valueOf(before.resumeTo());
        Workflow workflow = workflow();
        try {
            workflow.check(from, resumeTo, to, comment, actor == null || actor.can("servicerequests:approve"));
        }
        catch (Workflow.IllegalTransition ex) {
            Set<RequestStatus> allowed = workflow.targets(from, resumeTo);
            switch (ex.refusal()) {
                case REASON_REQUIRED -> throw new IllegalTransition(HttpStatus.BAD_REQUEST, "reason-required", from, to, allowed);
                case APPROVAL_REQUIRED -> throw new IllegalTransition(HttpStatus.CONFLICT, "approval-required", from, to, allowed);
                case NOT_AN_APPROVER -> throw new IllegalTransition(HttpStatus.FORBIDDEN, "not-an-approver", from, to, allowed);
                default -> throw new IllegalTransition(HttpStatus.CONFLICT, "illegal-transition", from, to, allowed);
            }
        }
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
        recordTransition(id, from, to, comment, now, actor);
        applySla(id, now);
        Request after = get(id);
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("status", from.name()),
                Map.of("status", to.name(), "comment", comment == null ? "" : comment));
        events.publishEvent(new ServiceRequestStatusChanged(tenant, id, from.name(), to.name(),
                actor == null ? null : actor.userId(), comment));
        return after;
    }

    /** Gives the request to another sales rep (or, with {@code ownerId} null, by round robin). */
    @Transactional
    public Request assign(UUID id, UUID ownerId) {
        Request before = locked(id);
        if (!RequestStatus.valueOf(before.status()).isOpen()) {
            throw ApiException.conflict("request-closed", before.number());
        }
        UUID owner = ownerId == null ? nextInRoundRobin(before.serviceTypeId()) : checkedOwner(ownerId);
        if (owner == null) {
            throw ApiException.conflict("no-sales-reps");
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
        recordAssignment(id, before.ownerId(), owner, method, now, actor);
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("ownerId", String.valueOf(before.ownerId())),
                Map.of("ownerId", owner.toString()));
        events.publishEvent(new ServiceRequestAssigned(TenantContext.require(), id, before.ownerId(), owner, method));
        return get(id);
    }

    @Transactional
    public Request addMedia(UUID id, UUID fileId) {
        locked(id);
        knownFile(fileId);
        addMediaRow(id, fileId, clock.instant(), CurrentUsers.current().orElse(null));
        audit.record(AuditAction.UPDATE, "service_request", id, null, Map.of("mediaAdded", fileId.toString()));
        return get(id);
    }

    @Transactional
    public void removeMedia(UUID id, UUID fileId) {
        locked(id);
        int removed = jdbc.sql("delete from service_request_media where tenant_id = :t and request_id = :r and file_id = :f")
            .param("t", TenantContext.require()).param("r", id).param("f", fileId).update();
        if (removed == 0) {
            throw ApiException.notFound("file");
        }
        audit.record(AuditAction.UPDATE, "service_request", id, Map.of("mediaRemoved", fileId.toString()), null);
    }

    // ---------------------------------------------------------------- helpers

    private Workflow workflow() {
        return new Workflow(setup.settings().approvalRequired());
    }

    /** The request, visible to the caller, with its row locked for the rest of the transaction. */
    private Request locked(UUID id) {
        jdbc.sql("select id from service_requests where tenant_id = :t and id = :id for update")
            .param("t", TenantContext.require()).param("id", id).query(UUID.class).optional()
            .orElseThrow(() -> ApiException.notFound("service-request"));
        return get(id);
    }

    /** Recomputes the stored SLA of a request as of now (after its timestamps were moved, as the demo data does). */
    @Transactional
    void refreshSla(UUID id) {
        applySla(id, clock.instant());
    }

    private void applySla(UUID id, Instant now) {
        SlaTracker.Row row = jdbc.sql("select " + SlaTracker.Row.COLUMNS + " from service_requests where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query((rs, n) -> SlaTracker.Row.of(rs)).single();
        sla.apply(TenantContext.require(), row, sla.pauses(id), setup.calendar(), now);
    }

    private void recordTransition(UUID id, RequestStatus from, RequestStatus to, String comment, Instant now,
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

    private void recordAssignment(UUID id, UUID from, UUID to, String method, Instant now, CurrentUser actor) {
        jdbc.sql("""
                insert into service_request_assignments (tenant_id, id, request_id, from_owner, to_owner, method, actor_id, at)
                values (:t, :id, :r, :from, :to, :method, :actor, :at)
                """)
            .param("t", TenantContext.require()).param("id", Ids.next()).param("r", id).param("from", from).param("to", to)
            .param("method", method).param("actor", actor == null ? null : actor.userId())
            .param("at", Timestamp.from(now)).update();
    }

    /** The next active sales rep after the last one this type's round robin chose; null when there is none. */
    private UUID nextInRoundRobin(UUID serviceTypeId) {
        List<StaffMember> reps = staff.activeWithRole("SALES");
        if (reps.isEmpty()) {
            return null;
        }
        UUID tenant = TenantContext.require();
        jdbc.sql("""
                insert into round_robin_cursors (tenant_id, service_type_id, last_user_id, updated_at)
                values (:t, :type, null, :now) on conflict do nothing
                """).param("t", tenant).param("type", serviceTypeId).param("now", Timestamp.from(clock.instant())).update();
        UUID last = jdbc.sql("select last_user_id from round_robin_cursors where tenant_id = :t and service_type_id = :type for update")
            .param("t", tenant).param("type", serviceTypeId).query((rs, n) -> rs.getObject(1, UUID.class)).list().get(0);
        UUID next = reps.get(0).id();
        for (StaffMember rep : reps) {
            if (last != null && rep.id().compareTo(last) > 0) {
                next = rep.id();
                break;
            }
        }
        jdbc.sql("update round_robin_cursors set last_user_id = :u, updated_at = :now where tenant_id = :t and service_type_id = :type")
            .param("u", next).param("now", Timestamp.from(clock.instant())).param("t", tenant).param("type", serviceTypeId)
            .update();
        return next;
    }

    private UUID checkedOwner(UUID ownerId) {
        boolean eligible = staff.activeWith("servicerequests:edit").stream().anyMatch(m -> m.id().equals(ownerId));
        if (!eligible) {
            throw ApiException.badRequest("invalid-owner");
        }
        return ownerId;
    }

    private ServiceType knownType(UUID id) {
        try {
            ServiceType type = setup.type(id);
            if (!type.active()) {
                throw ApiException.badRequest("unknown-service-type");
            }
            return type;
        }
        catch (ApiException ex) {
            if (ex.status() == HttpStatus.NOT_FOUND) {
                throw ApiException.badRequest("unknown-service-type");
            }
            throw ex;
        }
    }

    private CustomerViews.Customer knownCustomer(UUID id) {
        try {
            CustomerViews.Customer customer = customers.get(id);
            if (!"ACTIVE".equals(customer.status())) {
                throw ApiException.conflict("customer-blocked", customer.commercialName());
            }
            return customer;
        }
        catch (ApiException ex) {
            if (ex.status() == HttpStatus.NOT_FOUND) {
                throw ApiException.badRequest("unknown-customer");
            }
            throw ex;
        }
    }

    private void knownFile(UUID fileId) {
        try {
            files.get(fileId);
        }
        catch (ApiException ex) {
            throw ApiException.badRequest("unknown-file");
        }
    }

    private static void checkContactAndAddress(CustomerViews.Customer customer, UUID contactId, UUID addressId) {
        if (contactId != null && customer.contacts().stream().noneMatch(k -> k.id().equals(contactId))) {
            throw ApiException.badRequest("unknown-contact");
        }
        if (addressId != null && customer.addresses().stream().noneMatch(a -> a.id().equals(addressId))) {
            throw ApiException.badRequest("unknown-address");
        }
    }

    private Map<String, Object> checkedTypeData(ServiceType type, tools.jackson.databind.JsonNode data) {
        TypeDataRules.Result result = TypeDataRules.check(TypeDataRules.Schema.valueOf(type.dataSchema()), data);
        if (!result.valid()) {
            Locale locale = LocaleContextHolder.getLocale();
            List<Map<String, String>> errors = result.problems().stream()
                .map(p -> Map.of("field", p.field(), "message",
                        messages.getMessage("sr.data." + p.code(), p.args().toArray(), p.code(), locale)))
                .toList();
            throw new InvalidFields("invalid-type-data", errors);
        }
        return result.data();
    }

    private void replaceItems(UUID id, List<LineItemPricing.PricedItem> items) {
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
                .param("currency", item.currency()).param("vat", item.vatRate()).update();
        }
    }

    private List<Item> items(UUID id) {
        return jdbc.sql("""
                select id, catalog_item_id, sku, description, quantity, unit, unit_price, currency, vat_rate
                  from service_request_items where tenant_id = :t and request_id = :r order by position
                """).param("t", TenantContext.require()).param("r", id)
            .query((rs, n) -> {
                BigDecimal quantity = rs.getBigDecimal("quantity");
                BigDecimal price = rs.getBigDecimal("unit_price");
                BigDecimal rate = rs.getBigDecimal("vat_rate");
                BigDecimal subtotal = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
                BigDecimal vat = subtotal.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                return new Item(rs.getObject("id", UUID.class), rs.getObject("catalog_item_id", UUID.class),
                        rs.getString("sku"), rs.getString("description"), quantity.stripTrailingZeros(), rs.getString("unit"),
                        price, rs.getString("currency"), rate, subtotal, vat, subtotal.add(vat));
            })
            .list();
    }

    static List<Totals> totals(List<Item> items) {
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (Item item : items) {
            BigDecimal[] sums = byCurrency.computeIfAbsent(item.currency(),
                    k -> new BigDecimal[] { BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) });
            sums[0] = sums[0].add(item.subtotal());
            sums[1] = sums[1].add(item.vat());
        }
        List<Totals> totals = new ArrayList<>();
        byCurrency.forEach((currency, sums) -> totals.add(new Totals(currency, sums[0], sums[1], sums[0].add(sums[1]))));
        return totals;
    }

    private List<UUID> media(UUID id) {
        return jdbc.sql("select file_id from service_request_media where tenant_id = :t and request_id = :r order by added_at, file_id")
            .param("t", TenantContext.require()).param("r", id).query(UUID.class).list();
    }

    private void addMediaRow(UUID id, UUID fileId, Instant now, CurrentUser actor) {
        files.attach(fileId, "service_request", id.toString());
        jdbc.sql("""
                insert into service_request_media (tenant_id, request_id, file_id, added_at, added_by)
                values (:t, :r, :f, :now, :by) on conflict do nothing
                """)
            .param("t", TenantContext.require()).param("r", id).param("f", fileId).param("now", Timestamp.from(now))
            .param("by", actor == null ? null : actor.userId()).update();
    }

    private Map<UUID, String> names() {
        Map<UUID, String> names = new HashMap<>();
        staff.all().forEach(m -> names.put(m.id(), m.fullName()));
        return names;
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

    /** Without servicerequests:view_all, a user sees only the requests they own or created (and their files). */
    static String visibility() {
        return " and (cast(:viewer as uuid) is null or r.owner_id = :viewer or r.created_by = :viewer)";
    }

    private static Map<String, Object> visibilityParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("viewer", viewer(CurrentUsers.current().orElse(null)));
        return params;
    }

    /** The {@code :viewer} of {@link #visibility()}: null for one who sees every request. */
    static UUID viewer(CurrentUser user) {
        return user == null || user.can("servicerequests:view_all") ? null : user.userId();
    }
}
