package com.ambiosys.customers;

import static com.ambiosys.customers.CustomerVisibility.visibility;
import static com.ambiosys.customers.CustomerVisibility.visibilityParams;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerViews.Contact;
import com.ambiosys.customers.CustomerViews.Customer;
import com.ambiosys.customers.CustomerViews.CustomerSummary;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tx.StreamingReads;
import com.ambiosys.platform.web.ListTotals;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** What is read of customers: one with its contacts, addresses and documents, the list, the search, the export. */
@Component
class CustomerQueries {

    private final JdbcClient jdbc;
    /** For the export: reads through a cursor, {@link StreamingReads#FETCH_SIZE} rows at a time. */
    private final JdbcClient streaming;
    private final Clock clock;
    private final com.ambiosys.platform.crypto.SecretCipher cipher;
    private final com.ambiosys.identity.StaffDirectory staff;
    private final ListTotals totals;

    CustomerQueries(JdbcClient jdbc, DataSource dataSource, Clock clock, com.ambiosys.platform.crypto.SecretCipher cipher,
            com.ambiosys.identity.StaffDirectory staff, ListTotals totals) {
        this.jdbc = jdbc;
        this.streaming = StreamingReads.client(dataSource);
        this.clock = clock;
        this.cipher = cipher;
        this.staff = staff;
        this.totals = totals;
    }

    Customer get(UUID id) {
        Customer customer = jdbc.sql(SELECT + " where c.tenant_id = :t and c.id = :id and c.status <> 'DELETED'"
                + visibility())
            .param("t", TenantContext.require()).param("id", id).params(visibilityParams())
            .query((rs, n) -> customer(rs, contacts(id), addresses(id), documents(id))).optional()
            .orElseThrow(() -> new NotFoundException("customer"));
        return customer;
    }

    /** Search by name, tax id, a contact's name, phone (however typed) or email; forgives accents and case. */
    PageResponse<CustomerSummary> search(CustomerViews.CustomerFilter criteria, PageQuery page) {
        CustomerSearchFilter filter = new CustomerSearchFilter(criteria);
        if (filter.text()) {
            return textSearch(filter, page);
        }
        List<CustomerSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + " from customers c" + filter.where()
                + " order by c.search_name, c.id limit :limit offset :offset")
            .params(filter.params()).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> summary(rs))
            .list();
        ListTotals.Total total = totals.count("customers", "customers c" + filter.where(), filter.params());
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total.value(), total.estimated());
    }

    private static final String SUMMARY_COLUMNS = "c.id, c.kind, c.commercial_name, c.tax_id, c.status, c.owner_id, c.tags, c.created_at";

    /**
     * A text search: customers_search (V24) gives the matching customers the viewer may see in the
     * list's order, and how many; the page is read from it and stops after the page's rows (the
     * statement still runs under row-level security and the same filters). With another filter
     * (status, owner, tag, department) it gives every match and the page statement counts those the
     * filters keep (count(*) over ()). The total is exact either way.
     */
    private PageResponse<CustomerSummary> textSearch(CustomerSearchFilter filter, PageQuery page) {
        boolean narrowed = filter.narrowed();
        long[] counted = { -1 };
        List<CustomerSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS
                + (narrowed ? ", count(*) over () as total" : ", m.matches as total")
                + " from customers_search(:q, :digits, cast(:viewer as uuid), cast(:first as int))"
                + " with ordinality m(id, matches, n) join customers c on c.tenant_id = :t and c.id = m.id"
                + filter.whereBesidesText() + " order by m.n limit :limit offset :offset")
            .params(filter.params()).param("first", narrowed ? null : page.offset() + page.sizeOrDefault())
            .param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> {
                counted[0] = rs.getLong("total");
                return summary(rs);
            })
            .list();
        long total = counted[0] >= 0 ? counted[0] // a page past the end: counted apart
                : narrowed ? jdbc.sql("select count(*) from customers c" + filter.where()).params(filter.params())
                        .query(Long.class).single()
                : jdbc.sql("select coalesce(max(matches), 0) from customers_search(:q, :digits, cast(:viewer as uuid), 1)")
                        .params(filter.params()).query(Long.class).single();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total, false);
    }

    private static CustomerSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomerSummary(rs.getObject("id", UUID.class), CustomerKind.valueOf(rs.getString("kind")),
                rs.getString("commercial_name"), rs.getString("tax_id"), CustomerStatus.valueOf(rs.getString("status")),
                rs.getObject("owner_id", UUID.class), strings(rs.getArray("tags")),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Every customer the search would find (up to {@code limit}), handed to the consumer one by one as read: the
     * caller's transaction (CustomerExports.rows) and the fetch size make the driver stream the rows.
     */
    void export(CustomerViews.CustomerFilter criteria, int limit, java.util.function.Consumer<CustomerManagement.ExportRow> consumer) {
        CustomerSearchFilter filter = new CustomerSearchFilter(criteria);
        streaming.sql("""
                select c.kind, c.commercial_name, c.tax_id, c.country, c.tags, c.notes, c.owner_id, c.status, c.created_at,
                       k.full_name, k.role, k.phones, k.emails, a.kind as address_kind, a.department_id, a.municipality_id,
                       a.district_id, a.zone, a.street, a.reference, a.latitude, a.longitude
                  from customers c
                  left join lateral (select full_name, role, phones, emails from customer_contacts k
                                      where k.tenant_id = c.tenant_id and k.customer_id = c.id
                                      order by (k.role = 'PRIMARY') desc, k.created_at limit 1) k on true
                  left join lateral (select kind, department_id, municipality_id, district_id, zone, street, reference,
                                            latitude, longitude from customer_addresses a
                                      where a.tenant_id = c.tenant_id and a.customer_id = c.id
                                      order by a.created_at, a.id limit 1) a on true""" + filter.where()
                + " order by c.search_name, c.id limit :limit")
            .params(filter.params()).param("limit", limit)
            .query((java.sql.ResultSet rs) -> {
                consumer.accept(exportRow(rs));
            });
    }

    private static CustomerManagement.ExportRow exportRow(ResultSet rs) throws SQLException {
        CustomerManagement.ExportAddress address = rs.getString("address_kind") == null ? null
                : new CustomerManagement.ExportAddress(rs.getString("address_kind"), rs.getString("department_id"),
                        rs.getString("municipality_id"), rs.getString("district_id"), rs.getString("zone"),
                        rs.getString("street"), rs.getString("reference"), rs.getBigDecimal("latitude"),
                        rs.getBigDecimal("longitude"));
        return new CustomerManagement.ExportRow(rs.getString("kind"), rs.getString("commercial_name"),
                rs.getString("tax_id"), rs.getString("country"), strings(rs.getArray("tags")), rs.getString("notes"),
                rs.getObject("owner_id", UUID.class), rs.getString("full_name"), rs.getString("role"),
                strings(rs.getArray("phones")), strings(rs.getArray("emails")), address, rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The customer (not deleted) one of whose contacts has this phone, in E.164; for the inbox's suggestions. */
    java.util.Optional<CustomerViews.CustomerRef> findByPhone(String e164) {
        return jdbc.sql("""
                select c.id, c.commercial_name from customer_contacts k
                  join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id
                 where k.tenant_id = :t and k.phones @> array[cast(:phone as text)] and c.status <> 'DELETED'
                 order by c.created_at limit 1
                """).param("t", TenantContext.require()).param("phone", e164)
            .query((rs, n) -> new CustomerViews.CustomerRef(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** The name of a customer of the tenant (not deleted), whoever owns it. */
    java.util.Optional<String> findName(UUID id) {
        return jdbc.sql("select commercial_name from customers where tenant_id = :t and id = :id and status <> 'DELETED'")
            .param("t", TenantContext.require()).param("id", id).query(String.class).optional();
    }

    /** Whether the current user may see the customer: it exists, is not deleted, and is theirs or they may view all. */
    boolean visible(UUID id) {
        return visible(id, CurrentUsers.current().orElse(null));
    }

    /** Whether {@code user} may see the customer (as {@link #visible(UUID)}, for a user given rather than current). */
    boolean visible(UUID id, CurrentUser user) {
        return jdbc.sql("select count(*) from customers c where c.tenant_id = :t and c.id = :id and c.status <> 'DELETED'"
                + visibility())
            .param("t", TenantContext.require()).param("id", id).param("viewer", CustomerVisibility.viewer(user))
            .query(Long.class).single() > 0;
    }

    /** The tags in use on the customers the current user can see, for the list's filter. */
    List<String> tagsInUse() {
        return jdbc.sql("""
                select distinct tag from customers c, unnest(c.tags) tag
                 where c.tenant_id = :t and c.status <> 'DELETED'""" + visibility() + " order by tag limit 500")
            .param("t", TenantContext.require()).params(visibilityParams()).query(String.class).list();
    }

    /** Who can own customers: active users who may create them. */
    List<CustomerViews.Owner> owners() {
        return staff.activeWith("customers:create").stream()
            .map(m -> new CustomerViews.Owner(m.id().value(), m.fullName())).toList();
    }

    List<Contact> contacts(UUID customerId) {
        return jdbc.sql("""
                select id, full_name, role, phones, emails from customer_contacts
                 where tenant_id = :t and customer_id = :c order by role, full_name
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getString("full_name"),
                    ContactRole.valueOf(rs.getString("role")),
                    strings(rs.getArray("phones")), strings(rs.getArray("emails"))))
            .list();
    }

    private static final String SELECT = """
            select c.id, c.kind, c.commercial_name, c.tax_id, c.country, c.status, c.status_reason, c.owner_id, c.tags,
                   c.notes, c.created_at, c.updated_at
              from customers c
            """;

    private static Customer customer(ResultSet rs, List<Contact> contacts, List<CustomerViews.Address> addresses,
            List<CustomerViews.Document> documents) throws SQLException {
        return new Customer(rs.getObject("id", UUID.class), CustomerKind.valueOf(rs.getString("kind")),
                rs.getString("commercial_name"), rs.getString("tax_id"), Country.valueOf(rs.getString("country")),
                CustomerStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("owner_id", UUID.class), strings(rs.getArray("tags")), rs.getString("notes"), contacts,
                addresses, documents, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    List<CustomerViews.Address> addresses(UUID customerId) {
        return jdbc.sql("""
                select id, kind, department_id, municipality_id, district_id, zone, street, reference, latitude, longitude
                  from customer_addresses where tenant_id = :t and customer_id = :c order by kind, created_at
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> {
                java.math.BigDecimal lat = rs.getBigDecimal("latitude");
                java.math.BigDecimal lon = rs.getBigDecimal("longitude");
                String map = lat == null ? null : "https://www.openstreetmap.org/?mlat=" + lat.toPlainString() + "&mlon="
                        + lon.toPlainString() + "#map=17/" + lat.toPlainString() + "/" + lon.toPlainString();
                return new CustomerViews.Address(rs.getObject("id", UUID.class), AddressKind.valueOf(rs.getString("kind")),
                        rs.getString("department_id"), rs.getString("municipality_id"), rs.getString("district_id"),
                        rs.getString("zone"), rs.getString("street"), rs.getString("reference"), lat, lon, map);
            })
            .list();
    }

    List<CustomerViews.Document> documents(UUID customerId) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return jdbc.sql("""
                select id, type, number, expires_on, file_id from customer_documents
                 where tenant_id = :t and customer_id = :c order by expires_on nulls last, created_at
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> {
                java.sql.Date expires = rs.getDate("expires_on");
                java.time.LocalDate on = expires == null ? null : expires.toLocalDate();
                String expiry = on == null ? "NONE" : on.isBefore(today) ? "EXPIRED"
                        : !on.isAfter(today.plusDays(30)) ? "EXPIRING" : "VALID";
                String number = rs.getString("number");
                return new CustomerViews.Document(rs.getObject("id", UUID.class), DocumentType.valueOf(rs.getString("type")),
                        number == null ? null : cipher.decrypt(number), on, expiry, rs.getObject("file_id", UUID.class));
            })
            .list();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }}
