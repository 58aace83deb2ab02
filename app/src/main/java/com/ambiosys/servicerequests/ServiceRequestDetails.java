package com.ambiosys.servicerequests;

import static com.ambiosys.servicerequests.ServiceRequestVisibility.visibility;
import static com.ambiosys.servicerequests.ServiceRequestVisibility.visibilityParams;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.catalog.Currency;
import com.ambiosys.customers.CustomerDirectory;
import com.ambiosys.customers.CustomerId;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestViews.HistoryEntry;
import com.ambiosys.servicerequests.ServiceRequestViews.Item;
import com.ambiosys.servicerequests.ServiceRequestViews.Request;
import com.ambiosys.servicerequests.ServiceRequestViews.Sla;
import com.ambiosys.servicerequests.ServiceRequestViews.Totals;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.servicerequests.domain.RequestStatus;
import com.ambiosys.servicerequests.domain.SlaClock;
import com.ambiosys.servicerequests.domain.TypeDataRules;
import com.ambiosys.servicerequests.domain.Workflow;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One request as its detail view shows it (items, totals, media, SLA clocks, allowed moves) and its history. */
@Component
class ServiceRequestDetails {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ServiceRequestSetup setup;
    private final SlaTracker sla;
    private final StaffDirectory staff;
    private final CustomerDirectory customers;
    private final MessageSource messages;

    ServiceRequestDetails(JdbcClient jdbc, JsonMapper json, Clock clock, ServiceRequestSetup setup, SlaTracker sla,
            StaffDirectory staff, CustomerDirectory customers, MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.setup = setup;
        this.sla = sla;
        this.staff = staff;
        this.customers = customers;
    }

    Request get(UUID id) {
        UUID tenant = TenantContext.require();
        Instant now = clock.instant();
        Request request = jdbc.sql("""
                select r.*, st.name as type_name, st.data_schema
                  from service_requests r
                  join service_types st on st.tenant_id = r.tenant_id and st.id = r.service_type_id
                 where r.tenant_id = :t and r.id = :id""" + visibility())
            .param("t", tenant).param("id", id).params(visibilityParams())
            .query((rs, n) -> request(rs, now)).optional()
            .orElseThrow(() -> new NotFoundException("service-request"));
        return request;
    }

    /** The request, visible to the caller, with its row locked for the rest of the transaction. */
    Request locked(UUID id) {
        jdbc.sql("select id from service_requests where tenant_id = :t and id = :id for update")
            .param("t", TenantContext.require()).param("id", id).query(UUID.class).optional()
            .orElseThrow(() -> new NotFoundException("service-request"));
        return get(id);
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
                row.status() == RequestStatus.COMPLETED ? row.closedAt() : null, now));
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        RequestStatus resumeTo = rs.getString("resume_to") == null ? null : RequestStatus.valueOf(rs.getString("resume_to"));
        Set<RequestStatus> allowed = new Workflow(settings.approvalRequired()).targets(status, resumeTo);
        List<Item> items = items(id);
        UUID owner = rs.getObject("owner_id", UUID.class);
        java.sql.Date requested = rs.getDate("requested_date");
        return new Request(id, rs.getString("number"), rs.getObject("customer_id", UUID.class),
                customerName(rs.getObject("customer_id", UUID.class)), rs.getObject("contact_id", UUID.class),
                rs.getObject("address_id", UUID.class), rs.getObject("service_type_id", UUID.class),
                rs.getString("type_name"), TypeDataRules.Schema.valueOf(rs.getString("data_schema")), owner, owner == null ? null : staff.nameOf(new UserId(owner)).orElse(null),
                Priority.valueOf(rs.getString("priority")), RequestChannel.valueOf(rs.getString("channel")), requested == null ? null : requested.toLocalDate(),
                rs.getString("description"), json.readValue(rs.getString("type_data"), MAP), status,
                rs.getString("status_reason"), resumeTo,
                allowed.stream().sorted(Comparator.comparing(Enum::name)).toList(), items, totals(items), media(id), clocks,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static Sla slaView(String name, SlaClock clock, SlaClock.Status stored, Instant metAt, Instant now) {
        if (clock == null) {
            return new Sla(name, null, null, false, null, null, null, 0);
        }
        return new Sla(name, (int) clock.target().toMinutes(), SlaTracker.status(clock, stored, now), clock.pausedAt(now),
                clock.atRiskAt(), clock.dueAt(), metAt, clock.elapsed(now).toMinutes());
    }

    /** One row of a request's history, before its people are named. */
    private record HistoryRow(Instant at, String kind, UUID actor, String field, String from, String to, String comment) {

        boolean assignment() {
            return "ASSIGNMENT".equals(kind);
        }
    }

    /** Transitions, field changes, assignments and SLA events, oldest first; its people named in one lookup. */
    List<HistoryEntry> history(UUID id) {
        get(id);
        List<HistoryRow> rows = jdbc.sql("""
                select at, 'TRANSITION' as kind, actor_id, null as field, from_status as old, to_status as new, comment
                  from service_request_transitions where tenant_id = :t and request_id = :id
                union all
                select at, 'CHANGE', actor_id, field, old_value, new_value, null
                  from service_request_changes where tenant_id = :t and request_id = :id and field <> :reason
                union all
                select a.at, 'ASSIGNMENT', a.actor_id, a.method, cast(a.from_owner as text), cast(a.to_owner as text),
                       (select c.new_value from service_request_changes c
                         where c.tenant_id = a.tenant_id and c.request_id = a.request_id and c.field = :reason
                           and c.at = a.at limit 1)
                  from service_request_assignments a where a.tenant_id = :t and a.request_id = :id
                union all
                select at, 'SLA', null, clock, null, event, null
                  from service_request_sla_events where tenant_id = :t and request_id = :id
                 order by 1, 2
                """).param("t", TenantContext.require()).param("id", id).param("reason", ServiceRequestRecords.ASSIGNMENT_REASON)
            .query((rs, n) -> new HistoryRow(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                    rs.getObject("actor_id", UUID.class), rs.getString("field"), rs.getString("old"), rs.getString("new"),
                    rs.getString("comment")))
            .list();
        Set<UUID> people = new HashSet<>();
        for (HistoryRow row : rows) {
            if (row.actor() != null) {
                people.add(row.actor());
            }
            if (row.assignment()) {
                Stream.of(row.from(), row.to()).filter(Objects::nonNull).map(UUID::fromString).forEach(people::add);
            }
        }
        Map<UUID, String> names = UserId.plain(staff.namesOf(UserId.all(people)));
        return rows.stream().map(row -> new HistoryEntry(row.at(), row.kind(), row.actor(),
                row.actor() == null ? null : names.get(row.actor()), row.field(), owner(row, row.from(), names),
                owner(row, row.to(), names), row.assignment() ? reasonInWords(row.comment()) : row.comment())).toList();
    }

    /** Why an automatic assignment chose its rep ({@link AutomaticAssignment.Choice#code()}), in the reader's language. */
    private String reasonInWords(String code) {
        if (code == null) {
            return null;
        }
        String[] parts = code.split(":", 2);
        Locale locale = LocaleContextHolder.getLocale();
        Object country = parts.length < 2 ? ""
                : new DefaultMessageSourceResolvable(new String[] { "sr.country." + parts[1] }, parts[1]);
        return messages.getMessage("sr.assignment-reason." + parts[0], new Object[] { country }, code, locale);
    }

    /** An assignment's owner by name (their id if they have none); another entry's value as it is. */
    private static String owner(HistoryRow row, String value, Map<UUID, String> names) {
        return value == null || !row.assignment() ? value : names.getOrDefault(UUID.fromString(value), value);
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
                        price, Currency.valueOf(rs.getString("currency")), rate, subtotal, vat, subtotal.add(vat));
            })
            .list();
    }

    static List<Totals> totals(List<Item> items) {
        Map<Currency, BigDecimal[]> byCurrency = new TreeMap<>();
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

    /** The request's customer's name, from the customers module. */
    private String customerName(UUID customerId) {
        return customers.namesOf(List.of(new CustomerId(customerId))).get(new CustomerId(customerId));
    }
}
