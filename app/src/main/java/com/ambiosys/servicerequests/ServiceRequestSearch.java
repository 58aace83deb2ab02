package com.ambiosys.servicerequests;

import static com.ambiosys.servicerequests.ServiceRequestVisibility.visibility;
import static com.ambiosys.servicerequests.ServiceRequestVisibility.visibilityParams;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerDirectory;
import com.ambiosys.customers.CustomerId;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.ListTotals;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;
import com.ambiosys.servicerequests.ServiceRequestViews.Summary;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;

/** The request list: its filters, sorts, text search, deep pages and (exact or estimated) totals. */
@Component
class ServiceRequestSearch {

    static final Map<String, String> SORTS = Map.of("createdAt", "r.created_at asc, r.id asc", "-createdAt",
            "r.created_at desc, r.id desc", "requestedDate", "r.requested_date asc nulls last, r.id asc", "-requestedDate",
            "r.requested_date desc nulls last, r.id desc", "number", "r.number asc", "-number", "r.number desc",
            "priority", "array_position(array['URGENT','HIGH','NORMAL','LOW'], r.priority), r.created_at desc",
            "dueAt", "r.resolution_due_at asc nulls last, r.id asc");

    /** Offsets from which a page of the list in its order of creation first finds the key at the offset. */
    static final long DEEP_OFFSET = 1000;

    /** Totals above this are estimated (ListTotals): counting 200 000 rows costs more than the page. */
    static final int EXACT_TOTAL_UP_TO = ListTotals.EXACT_UP_TO;

    static final String COLUMNS = """
            r.id, r.number, r.customer_id, r.service_type_id, r.owner_id, r.priority, r.channel, r.status,
            r.requested_date, r.created_at, r.response_sla, r.resolution_sla, r.resolution_due_at""";

    // the text search (number, customer name or description): the matching customers come from the customers
    // module (:customers, CustomerDirectory.idsNamed), the requests from service_requests_matching
    // (R__servicerequests_search.sql): under row-level security the application role cannot use the
    // trigram index itself
    static final String MATCHING = "(r.customer_id = any(cast(:customers as uuid[]))"
            + " or r.id = any(array(select service_requests_matching(:q))))";

    // the same test for a walk in the list's order, row by row: a hashed subplan per function (one hash
    // probe a row) instead of "= any(array)", which compares each row with every element (a common word
    // in descriptions, "quetzal", matches 7 500 requests: 48 ms of comparisons for a 20-row page)
    private static final String WALKING = "(r.customer_id in (select unnest(cast(:customers as uuid[])))"
            + " or r.id in (select service_requests_matching(:q)))";

    static final String FILTERS = """
             where r.tenant_id = :t
               and (cast(:statuses as text[]) is null or r.status = any(cast(:statuses as text[])))
               and (cast(:type as uuid) is null or r.service_type_id = :type)
               and (cast(:owner as uuid) is null or r.owner_id = :owner)
               and (cast(:customer as uuid) is null or r.customer_id = :customer)
               and (cast(:sla as text) is null or r.response_sla = :sla or r.resolution_sla = :sla)
               and (cast(:from as timestamptz) is null or r.created_at >= :from)
               and (cast(:to as timestamptz) is null or r.created_at < :to)
            """;

    private final JdbcClient jdbc;
    private final ListTotals totals;
    private final ServiceRequestSetup setup;
    private final CustomerDirectory customers;
    private final StaffDirectory staff;

    ServiceRequestSearch(JdbcClient jdbc, ListTotals totals, ServiceRequestSetup setup, CustomerDirectory customers,
            StaffDirectory staff) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.setup = setup;
        this.customers = customers;
        this.staff = staff;
    }

    /** The list's query: its filters and order, the text searched for (or null) and the parameters. */
    private record Query(String filters, String where, String sort, String order, String q, Map<String, Object> params) {
    }

    PageResponse<Summary> list(ServiceRequests.Filter filter, PageQuery page) {
        Map<String, Object> params = params(filter);
        String q = (String) params.get("q");
        boolean text = q != null;
        String filters = FILTERS + visibility();
        String where = filters + (text ? " and " + MATCHING : "");
        String sort = filter.sort() == null || !SORTS.containsKey(filter.sort()) ? "-createdAt" : filter.sort();
        Query query = new Query(filters, where, sort, SORTS.get(sort), q, params);
        if (!text) {
            return listed(query, page);
        }
        return searched(filter, query, page);
    }

    /** The filters' query parameters (visibility, tenant, text and the customers it names) of the list and its export. */
    Map<String, Object> params(ServiceRequests.Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>(visibilityParams());
        params.put("t", TenantContext.require());
        params.put("statuses", filter.statuses() == null || filter.statuses().isEmpty() ? null
                : filter.statuses().stream().map(Enum::name).toArray(String[]::new));
        params.put("type", filter.serviceTypeId());
        params.put("owner", filter.ownerId());
        params.put("customer", filter.customerId());
        params.put("sla", filter.slaStatus() == null ? null : filter.slaStatus().name());
        java.time.ZoneId zone = filter.createdFrom() == null && filter.createdTo() == null ? null
                : java.time.ZoneId.of(setup.settings().timeZone());
        params.put("from", filter.createdFrom() == null ? null : Timestamp.from(filter.createdFrom()
            .atStartOfDay(zone).toInstant()));
        params.put("to", filter.createdTo() == null ? null : Timestamp.from(filter.createdTo().plusDays(1)
            .atStartOfDay(zone).toInstant()));
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
        params.put("q", q);
        // the customers named by the text, asked once of their module (sorted: the totals are kept by parameters)
        params.put("customers", q == null ? null : uuidArray(customers.idsNamed(q).stream().map(CustomerId::value).toList()));
        return params;
    }

    /** A page of the list without a text search. */
    private PageResponse<Summary> listed(Query query, PageQuery page) {
        Map<String, Object> params = query.params();
        String where = query.where();
        ListTotals.Total total = totals.count("service-requests", "service_requests r" + where, params);
        boolean deep = deep(query.sort(), page.offset());
        if (deep) {
            params.put("deep", page.offset()); // after the count: not a part of its key
        }
        return new PageResponse<>(page(deep ? deep("service_requests r" + where, query.sort()) : "service_requests r" + where,
                query.order(), false, params, page.sizeOrDefault(), deep ? 0 : page.offset(), null),
                page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
    }

    /**
     * A text search: its matches found once (service_requests_search, V28): with at most EXACT_TOTAL_UP_TO in
     * all, the matching customers and the other matching requests, from which the page and its exact total
     * are taken; with more (a common name: thousands of requests), an estimated total (kept a few seconds,
     * as ListTotals keeps every estimate: the next pages and the same search again skip the counting), and
     * the page of the list without other filters in its default order is read by walking the list's order
     * and stopping after the page (service_requests_search_page).
     */
    private PageResponse<Summary> searched(ServiceRequests.Filter filter, Query query, PageQuery page) {
        Map<String, Object> params = query.params();
        boolean plain = filter.statuses() == null || filter.statuses().isEmpty();
        plain = plain && filter.serviceTypeId() == null && filter.ownerId() == null && filter.customerId() == null
                && filter.slaStatus() == null && filter.createdFrom() == null && filter.createdTo() == null
                && "-createdAt".equals(query.sort());
        ListTotals.Total total = totals.kept("service-requests", params);
        if (total == null) {
            Map<String, Object> search = jdbc.sql("""
                    select cast(customers as text) as customers, cast(requests as text) as requests, more
                      from service_requests_search(:q, cast(:customers as uuid[]), cast(:cap as int))""")
                .param("q", query.q()).param("customers", params.get("customers")).param("cap", EXACT_TOTAL_UP_TO)
                .query().singleRow();
            if (!(Boolean) search.get("more")) {
                return found(query, search, page);
            }
            if (plain) {
                total = totals.estimate("service-requests", "service_requests r" + query.where(), params,
                        EXACT_TOTAL_UP_TO + 1);
            }
        }
        if (plain) {
            // the page's ids (an init plan), then their rows by id (offset 0: the walk skipped the offset)
            params.put("walk", page.offset());
            List<Summary> items = page("service_requests r where r.tenant_id = :t and r.id = any(array("
                    + "select service_requests_search_page(:q, cast(:customers as uuid[]), cast(:viewer as uuid), cast(:limit as int),"
                    + " cast(:walk as bigint))))" + visibility(), query.order(), false, params, page.sizeOrDefault(), 0,
                    null);
            return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
        }
        return filteredMatches(query, page);
    }

    /** At most EXACT_TOTAL_UP_TO matches in all: the page and its exact total taken from them. */
    private PageResponse<Summary> found(Query query, Map<String, Object> search, PageQuery page) {
        Map<String, Object> params = query.params();
        params.put("customers", search.get("customers"));
        params.put("requests", search.get("requests"));
        String found = "service_requests r" + query.filters() + " and (r.customer_id = any(cast(:customers as uuid[]))"
                + " or r.id = any(cast(:requests as uuid[])))";
        long[] counted = { -1 };
        List<Summary> items = page(found, query.order(), true, params, page.sizeOrDefault(), page.offset(), counted);
        if (counted[0] < 0) { // a page past the end
            counted[0] = jdbc.sql("select count(*) from " + found).params(params).query(Long.class).single();
        }
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), counted[0], false);
    }

    /**
     * Other filters or another order, more than EXACT_TOTAL_UP_TO matches in all: the first
     * EXACT_TOTAL_UP_TO + 1 matches of the filters (through the bitmap of the two functions' ids), counted,
     * and the page taken from them; when there are no more that is the page and its exact total. More
     * have an estimated total, and the page is read by walking the list's index in its order and stopping
     * after the page (coalesce keeps the planner from fetching every match through the bitmap and
     * sorting them all).
     */
    private PageResponse<Summary> filteredMatches(Query query, PageQuery page) {
        Map<String, Object> params = query.params();
        String where = query.where();
        String order = query.order();
        long[] counted = { -1 };
        List<Summary> items = page("(select " + COLUMNS + " from service_requests r" + where + " limit "
                + (EXACT_TOTAL_UP_TO + 1) + ") r", order, true, params, page.sizeOrDefault(), page.offset(), counted);
        if (counted[0] < 0) { // a page past the end
            counted[0] = totals.count("service-requests", "service_requests r" + where, params).counted();
        }
        if (counted[0] <= EXACT_TOTAL_UP_TO) {
            return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), counted[0], false);
        }
        ListTotals.Total total = totals.estimate("service-requests", "service_requests r" + where, params, counted[0]);
        items = page("service_requests r" + query.filters() + " and coalesce(" + WALKING + ", false)", order, false,
                params, page.sizeOrDefault(), page.offset(), null);
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
    }

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

    /**
     * One page of the list from {@code source} (requests as {@code r}, filtered), then the names of its
     * types (20 lookups, not one per row skipped by a deep offset), and of its customers and owners, asked of
     * their modules for the page at once; {@code count}: the source's rows are counted into {@code counted[0]}
     * (count(*) over ()).
     */
    private List<Summary> page(String source, String order, boolean count, Map<String, Object> params, long limit,
            long offset, long[] counted) {
        List<Summary> rows = jdbc.sql("""
                select r.*, st.name as type_name
                  from (select""" + " " + COLUMNS + (count ? ", count(*) over () as total" : "") + " from " + source
                + " order by " + order + """
                         limit :limit offset :offset) r
                  join service_types st on st.tenant_id = :t and st.id = r.service_type_id
                 order by """ + " " + order)
            .params(params).param("limit", limit).param("offset", offset)
            .query((rs, n) -> {
                if (count) {
                    counted[0] = rs.getLong("total");
                }
                return summary(rs);
            })
            .list();
        return named(rows);
    }

    /** A row of {@link #COLUMNS} and {@code type_name}, its customer and owner not yet named. */
    static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID owner = rs.getObject("owner_id", UUID.class);
        UUID type = rs.getObject("service_type_id", UUID.class);
        java.sql.Date requested = rs.getDate("requested_date");
        Timestamp due = rs.getTimestamp("resolution_due_at");
        return new Summary(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("customer_id", UUID.class), null, type, rs.getString("type_name"),
                owner, null, Priority.valueOf(rs.getString("priority")),
                RequestChannel.valueOf(rs.getString("channel")),
                RequestStatus.valueOf(rs.getString("status")), requested == null ? null : requested.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(), sla(rs.getString("response_sla")),
                sla(rs.getString("resolution_sla")), due == null ? null : due.toInstant());
    }

    private static SlaClock.Status sla(String stored) {
        return stored == null ? null : SlaClock.Status.valueOf(stored);
    }

    /** The page with its customers' and owners' names, one batch lookup each. */
    List<Summary> named(List<Summary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<CustomerId, String> customerNames = customers.namesOf(rows.stream().map(r -> new CustomerId(r.customerId())).toList());
        Map<UserId, String> ownerNames = staff.namesOf(rows.stream().map(Summary::ownerId).filter(java.util.Objects::nonNull)
            .map(UserId::new).toList());
        return rows.stream().map(r -> r.withNames(customerNames.get(new CustomerId(r.customerId())),
                r.ownerId() == null ? null : ownerNames.get(new UserId(r.ownerId())))).toList();
    }

    /** A PostgreSQL array literal of the ids, in order ({} for none). */
    private static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
