package com.ambiosys.customers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerViews.Contact;
import com.ambiosys.customers.CustomerViews.Customer;
import com.ambiosys.customers.CustomerViews.CustomerChanges;
import com.ambiosys.customers.CustomerViews.CustomerSummary;
import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.customers.CustomerViews.NewCustomer;
import com.ambiosys.customers.CustomerViews.PossibleDuplicate;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.ApiException;
import com.ambiosys.platform.web.ListTotals;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** The customers module's public service. */
@Service
public class CustomerManagement {

    static final Set<String> ROLES = Set.of("PRIMARY", "BILLING", "PURCHASING", "SITE", "OTHER");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final com.ambiosys.geo.GeoDirectory geo;
    private final com.ambiosys.files.FileManagement files;
    private final com.ambiosys.platform.crypto.SecretCipher cipher;
    private final com.ambiosys.identity.StaffDirectory staff;
    private final ListTotals totals;

    CustomerManagement(JdbcClient jdbc, AuditTrail audit, Clock clock, com.ambiosys.geo.GeoDirectory geo,
            com.ambiosys.files.FileManagement files, com.ambiosys.platform.crypto.SecretCipher cipher,
            com.ambiosys.identity.StaffDirectory staff, ListTotals totals) {
        this.staff = staff;
        this.totals = totals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.geo = geo;
        this.files = files;
        this.cipher = cipher;
    }

    /** A 409 that lists the customers the new one may duplicate; the caller may confirm and retry. */
    public static final class DuplicateWarning extends ApiException {
        private final transient List<PossibleDuplicate> duplicates;

        DuplicateWarning(List<PossibleDuplicate> duplicates) {
            super(HttpStatus.CONFLICT, "possible-duplicate");
            this.duplicates = duplicates;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("duplicates", duplicates);
        }
    }

    @Transactional
    public Customer create(NewCustomer command) {
        UUID tenant = TenantContext.require();
        String taxId = checkedTaxId(command.country(), command.taxId());
        NewContact contact = command.contact() == null ? null : checkedContact(command.contact(), command.country());
        if (!command.allowDuplicate()) {
            List<PossibleDuplicate> duplicates = duplicates(taxId, contact);
            if (!duplicates.isEmpty()) {
                throw new DuplicateWarning(duplicates);
            }
        }
        CurrentUser actor = CurrentUsers.current().orElse(null);
        UUID owner = command.ownerId() != null ? checkedOwner(command.ownerId()) : actor == null ? null : actor.userId();
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into customers (tenant_id, id, kind, commercial_name, tax_id, country, status, owner_id, tags, notes,
                                       created_at, updated_at, created_by)
                values (:t, :id, :kind, :name, :taxId, :country, 'ACTIVE', :owner, :tags, :notes, :now, :now, :by)
                """)
            .param("t", tenant).param("id", id).param("kind", command.kind()).param("name", command.commercialName().trim())
            .param("taxId", taxId).param("country", command.country()).param("owner", owner)
            .param("tags", tags(command.tags())).param("notes", command.notes()).param("now", now)
            .param("by", actor == null ? null : actor.userId())
            .update();
        if (contact != null) {
            addContact(id, contact);
        }
        Customer created = get(id);
        audit.record(AuditAction.CREATE, "customer", id, null, snapshot(created));
        return created;
    }

    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        Customer customer = jdbc.sql(SELECT + " where c.tenant_id = :t and c.id = :id and c.status <> 'DELETED'"
                + visibility())
            .param("t", TenantContext.require()).param("id", id).params(visibilityParams())
            .query((rs, n) -> customer(rs, contacts(id), addresses(id), documents(id))).optional()
            .orElseThrow(() -> ApiException.notFound("customer"));
        return customer;
    }

    /** Search by name, tax id, a contact's name, phone (however typed) or email; forgives accents and case. */
    @Transactional(readOnly = true)
    public PageResponse<CustomerSummary> search(CustomerViews.CustomerFilter criteria, PageQuery page) {
        Filter filter = new Filter(criteria);
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
    private PageResponse<CustomerSummary> textSearch(Filter filter, PageQuery page) {
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
        return new CustomerSummary(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getString("commercial_name"), rs.getString("tax_id"), rs.getString("status"),
                rs.getObject("owner_id", UUID.class), strings(rs.getArray("tags")),
                rs.getTimestamp("created_at").toInstant());
    }

    /** One row of an export: the customer and its first contact. */
    public record ExportRow(String commercialName, String kind, String taxId, String country, String status,
            List<String> tags, String contactName, List<String> phones, List<String> emails, Instant createdAt) {
    }

    /** Every customer the search would find (up to {@code limit}), handed to the consumer one by one. */
    @Transactional(readOnly = true)
    public void export(CustomerViews.CustomerFilter criteria, int limit, java.util.function.Consumer<ExportRow> consumer) {
        Filter filter = new Filter(criteria);
        jdbc.sql("""
                select c.commercial_name, c.kind, c.tax_id, c.country, c.status, c.tags, c.created_at,
                       k.full_name, k.phones, k.emails
                  from customers c
                  left join lateral (select full_name, phones, emails from customer_contacts k
                                      where k.tenant_id = c.tenant_id and k.customer_id = c.id
                                      order by (k.role = 'PRIMARY') desc, k.created_at limit 1) k on true""" + filter.where()
                + " order by c.search_name, c.id limit :limit")
            .params(filter.params()).param("limit", limit)
            .query((java.sql.ResultSet rs) -> {
                consumer.accept(new ExportRow(rs.getString("commercial_name"), rs.getString("kind"), rs.getString("tax_id"),
                        rs.getString("country"), rs.getString("status"), strings(rs.getArray("tags")),
                        rs.getString("full_name"), strings(rs.getArray("phones")), strings(rs.getArray("emails")),
                        rs.getTimestamp("created_at").toInstant()));
            });
    }

    /** The filters of the list, the search and the export, as SQL over {@code customers c}. */
    private static final class Filter {
        private final Map<String, Object> params = new LinkedHashMap<>(visibilityParams());
        private final boolean text;
        private final boolean narrowed;

        Filter(CustomerViews.CustomerFilter criteria) {
            String q = criteria.q();
            String text = q == null || q.isBlank() ? null : q.trim();
            String tag = criteria.tag() == null || criteria.tag().isBlank() ? null : criteria.tag();
            params.put("t", TenantContext.require());
            params.put("status", criteria.status());
            params.put("owner", criteria.ownerId());
            params.put("department", criteria.departmentId());
            params.put("tag", tag == null ? null : tag.trim().toLowerCase(Locale.ROOT));
            params.put("q", text);
            params.put("digits", text == null ? "" : Phones.digits(text));
            this.text = text != null;
            this.narrowed = criteria.status() != null || criteria.ownerId() != null || tag != null
                    || criteria.departmentId() != null;
        }

        /** Whether a text is searched. */
        boolean text() {
            return text;
        }

        /** Whether a filter other than the text narrows the list. */
        boolean narrowed() {
            return narrowed;
        }

        String where() {
            return whereBesidesText() + """
                       and (cast(:q as text) is null
                            or c.id = any(array(select customers_matching(:q, :digits))))
                    """;
        }

        /** Every condition but the text's (the text search joins customers_search instead). */
        String whereBesidesText() {
            return """
                     where c.tenant_id = :t and c.status <> 'DELETED'
                       and (cast(:status as text) is null or c.status = :status)
                       and (cast(:owner as uuid) is null or c.owner_id = :owner)
                       and (cast(:tag as text) is null or :tag = any(c.tags))
                       and (cast(:department as text) is null
                            or exists (select 1 from customer_addresses a
                                        where a.tenant_id = c.tenant_id and a.customer_id = c.id
                                          and a.department_id = :department))
                    """ + visibility();
        }

        Map<String, Object> params() {
            return params;
        }
    }

    @Transactional
    public Customer update(UUID id, CustomerChanges changes) {
        Customer before = get(id);
        String taxId = checkedTaxId(before.country(), changes.taxId());
        if (changes.ownerId() != null && !changes.ownerId().equals(before.ownerId())) {
            checkedOwner(changes.ownerId());
        }
        jdbc.sql("""
                update customers set commercial_name = :name, tax_id = :taxId, owner_id = :owner, tags = :tags,
                       notes = :notes, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("name", changes.commercialName().trim()).param("taxId", taxId)
            .param("owner", changes.ownerId() != null ? changes.ownerId() : before.ownerId())
            .param("tags", tags(changes.tags())).param("notes", changes.notes())
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id)
            .update();
        Customer after = get(id);
        audit.record(AuditAction.UPDATE, "customer", id, snapshot(before), snapshot(after));
        return after;
    }

    /** Blocks (or unblocks, with status ACTIVE) a customer, or deletes it softly (DELETED); a reason is kept. */
    @Transactional
    public void changeStatus(UUID id, String status, String reason) {
        Customer before = get(id);
        jdbc.sql("""
                update customers set status = :status, status_reason = :reason, updated_at = :now, version = version + 1
                 where tenant_id = :t and id = :id
                """)
            .param("status", status).param("reason", reason).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", id).update();
        audit.record("DELETED".equals(status) ? AuditAction.DELETE : AuditAction.UPDATE, "customer", id, snapshot(before),
                Map.of("status", status, "statusReason", reason == null ? "" : reason));
    }

    @Transactional
    public Contact addContact(UUID customerId, NewContact contact) {
        Customer customer = get(customerId);
        NewContact checked = checkedContact(contact, customer.country());
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        demoteOtherPrimary(customerId, id, checked.role());
        jdbc.sql("""
                insert into customer_contacts (tenant_id, id, customer_id, full_name, role, phones, emails, created_at, updated_at)
                values (:t, :id, :customer, :name, :role, :phones, :emails, :now, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("customer", customerId)
            .param("name", checked.fullName().trim()).param("role", checked.role())
            .param("phones", checked.phones().toArray(String[]::new)).param("emails", checked.emails().toArray(String[]::new))
            .param("now", now).update();
        Contact created = new Contact(id, checked.fullName().trim(), checked.role(), checked.phones(), checked.emails());
        audit.record(AuditAction.CREATE, "customer_contact", id, null, created);
        return created;
    }

    /** Replaces a contact's name, role, phones and emails; the first phone and email are the primary ones. */
    @Transactional
    public Contact updateContact(UUID customerId, UUID contactId, NewContact contact) {
        Customer customer = get(customerId);
        Contact before = contact(customer, contactId);
        NewContact checked = checkedContact(contact, customer.country());
        demoteOtherPrimary(customerId, contactId, checked.role());
        jdbc.sql("""
                update customer_contacts set full_name = :name, role = :role, phones = :phones, emails = :emails,
                       updated_at = :now
                 where tenant_id = :t and id = :id
                """)
            .param("name", checked.fullName().trim()).param("role", checked.role())
            .param("phones", checked.phones().toArray(String[]::new)).param("emails", checked.emails().toArray(String[]::new))
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", contactId)
            .update();
        Contact after = new Contact(contactId, checked.fullName().trim(), checked.role(), checked.phones(), checked.emails());
        audit.record(AuditAction.UPDATE, "customer_contact", contactId, before, after);
        return after;
    }

    @Transactional
    public void removeContact(UUID customerId, UUID contactId) {
        Contact before = contact(get(customerId), contactId);
        jdbc.sql("delete from customer_contacts where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", contactId).update();
        audit.record(AuditAction.DELETE, "customer_contact", contactId, before, null);
    }

    private static Contact contact(Customer customer, UUID contactId) {
        return customer.contacts().stream().filter(k -> k.id().equals(contactId)).findFirst()
            .orElseThrow(() -> ApiException.notFound("contact"));
    }

    /** A customer has one primary contact: naming a new one makes the previous one OTHER. */
    private void demoteOtherPrimary(UUID customerId, UUID contactId, String role) {
        if (!"PRIMARY".equals(role)) {
            return;
        }
        jdbc.sql("""
                update customer_contacts set role = 'OTHER', updated_at = :now
                 where tenant_id = :t and customer_id = :c and role = 'PRIMARY' and id <> :id
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("c", customerId)
            .param("id", contactId).update();
    }

    /** The customer (not deleted) one of whose contacts has this phone, in E.164; for the inbox's suggestions. */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerViews.CustomerRef> findByPhone(String e164) {
        return jdbc.sql("""
                select c.id, c.commercial_name from customer_contacts k
                  join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id
                 where k.tenant_id = :t and k.phones @> array[cast(:phone as text)] and c.status <> 'DELETED'
                 order by c.created_at limit 1
                """).param("t", TenantContext.require()).param("phone", e164)
            .query((rs, n) -> new CustomerViews.CustomerRef(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** The name of a customer of the tenant (not deleted), whoever owns it. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> findName(UUID id) {
        return jdbc.sql("select commercial_name from customers where tenant_id = :t and id = :id and status <> 'DELETED'")
            .param("t", TenantContext.require()).param("id", id).query(String.class).optional();
    }

    /** Whether the current user may see the customer: it exists, is not deleted, and is theirs or they may view all. */
    @Transactional(readOnly = true)
    public boolean visible(UUID id) {
        return jdbc.sql("select count(*) from customers c where c.tenant_id = :t and c.id = :id and c.status <> 'DELETED'"
                + visibility())
            .param("t", TenantContext.require()).param("id", id).params(visibilityParams()).query(Long.class).single() > 0;
    }

    /** The tags in use on the customers the current user can see, for the list's filter. */
    @Transactional(readOnly = true)
    public List<String> tagsInUse() {
        return jdbc.sql("""
                select distinct tag from customers c, unnest(c.tags) tag
                 where c.tenant_id = :t and c.status <> 'DELETED'""" + visibility() + " order by tag limit 500")
            .param("t", TenantContext.require()).params(visibilityParams()).query(String.class).list();
    }

    /** Who can own customers: active users who may create them. */
    @Transactional(readOnly = true)
    public List<CustomerViews.Owner> owners() {
        return staff.activeWith("customers:create").stream()
            .map(m -> new CustomerViews.Owner(m.id(), m.fullName())).toList();
    }

    /** An owner given by id must be one of {@link #owners()}: a user of this tenant (not any id) who may hold customers. */
    private UUID checkedOwner(UUID ownerId) {
        if (owners().stream().noneMatch(o -> o.id().equals(ownerId))) {
            throw ApiException.badRequest("invalid-customer-owner");
        }
        return ownerId;
    }

    private List<PossibleDuplicate> duplicates(String taxId, NewContact contact) {
        List<PossibleDuplicate> found = new ArrayList<>();
        UUID tenant = TenantContext.require();
        if (taxId != null && !"CF".equals(taxId)) {
            found.addAll(jdbc.sql("select id, commercial_name from customers where tenant_id = :t and tax_id = :tax and status <> 'DELETED'")
                .param("t", tenant).param("tax", taxId)
                .query((rs, n) -> new PossibleDuplicate(rs.getObject(1, UUID.class), rs.getString(2), "taxId")).list());
        }
        if (contact != null) {
            found.addAll(jdbc.sql("""
                    select c.id, c.commercial_name, m.matched_on
                      from customers c
                      join customer_contacts k on k.tenant_id = c.tenant_id and k.customer_id = c.id
                      join lateral (select 'phone' as matched_on where k.phones && cast(:phones as text[])
                                    union all select 'email' where k.emails && cast(:emails as text[])) m on true
                     where c.tenant_id = :t and c.status <> 'DELETED'
                    """).param("t", tenant).param("phones", contact.phones().toArray(String[]::new))
                .param("emails", contact.emails().toArray(String[]::new))
                .query((rs, n) -> new PossibleDuplicate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list());
        }
        return found.stream().distinct().toList();
    }

    /** The tax id in its stored form (null when blank); 400 {@code invalid-tax-id} when the country's rule refuses it. */
    static String checkedTaxId(String country, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        if (!TaxIds.isValid(country, taxId)) {
            throw ApiException.badRequest("invalid-tax-id", taxId);
        }
        return TaxIds.normalize(taxId);
    }

    private static NewContact checkedContact(NewContact contact, String country) {
        List<String> phones = new ArrayList<>();
        for (String phone : contact.phones() == null ? List.<String>of() : contact.phones()) {
            String normalized = Phones.normalize(phone, country);
            if (normalized == null) {
                throw ApiException.badRequest("invalid-phone", phone);
            }
            if (!phones.contains(normalized)) {
                phones.add(normalized);
            }
        }
        List<String> emails = (contact.emails() == null ? List.<String>of() : contact.emails()).stream()
            .map(e -> e.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        String role = contact.role() == null ? "PRIMARY" : contact.role();
        if (!ROLES.contains(role)) {
            throw ApiException.badRequest("invalid-contact-role", role);
        }
        return new NewContact(contact.fullName(), role, phones, emails);
    }

    /** Without customers:view_all, a user sees only the customers they own (the files of a customer too). */
    static String visibility() {
        return " and (cast(:viewer as uuid) is null or c.owner_id = :viewer)";
    }

    private static Map<String, Object> visibilityParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("viewer", viewer(CurrentUsers.current().orElse(null)));
        return params;
    }

    /** The {@code :viewer} of {@link #visibility()}: null for one who sees every customer. */
    static UUID viewer(CurrentUser user) {
        return user == null || user.can("customers:view_all") ? null : user.userId();
    }

    private List<Contact> contacts(UUID customerId) {
        return jdbc.sql("""
                select id, full_name, role, phones, emails from customer_contacts
                 where tenant_id = :t and customer_id = :c order by role, full_name
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("role"),
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
        return new Customer(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("commercial_name"),
                rs.getString("tax_id"), rs.getString("country"), rs.getString("status"), rs.getString("status_reason"),
                rs.getObject("owner_id", UUID.class), strings(rs.getArray("tags")), rs.getString("notes"), contacts,
                addresses, documents, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    /** What the audit log keeps of a customer: everything but document numbers (national ids stay encrypted). */
    private static Customer snapshot(Customer c) {
        List<CustomerViews.Document> documents = c.documents().stream()
            .map(d -> new CustomerViews.Document(d.id(), d.type(), null, d.expiresOn(), d.expiry(), d.fileId())).toList();
        return new Customer(c.id(), c.kind(), c.commercialName(), c.taxId(), c.country(), c.status(), c.statusReason(),
                c.ownerId(), c.tags(), c.notes(), c.contacts(), c.addresses(), documents, c.createdAt(), c.updatedAt());
    }

    @Transactional
    public CustomerViews.Address addAddress(UUID customerId, CustomerViews.NewAddress address) {
        Customer customer = get(customerId);
        checkAddress(customer, address);
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into customer_addresses (tenant_id, id, customer_id, kind, department_id, municipality_id, district_id,
                                                zone, street, reference, latitude, longitude, created_at, updated_at)
                values (:t, :id, :c, :kind, :dep, :mun, :dis, :zone, :street, :ref, :lat, :lon, :now, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("c", customerId).param("kind", address.kind())
            .param("dep", address.departmentId()).param("mun", address.municipalityId()).param("dis", address.districtId())
            .param("zone", address.zone()).param("street", address.street().trim()).param("ref", address.reference())
            .param("lat", address.latitude()).param("lon", address.longitude()).param("now", now)
            .update();
        CustomerViews.Address created = address(customerId, id);
        audit.record(AuditAction.CREATE, "customer_address", id, null, created);
        return created;
    }

    @Transactional
    public CustomerViews.Address updateAddress(UUID customerId, UUID addressId, CustomerViews.NewAddress address) {
        Customer customer = get(customerId);
        CustomerViews.Address before = address(customerId, addressId);
        checkAddress(customer, address);
        jdbc.sql("""
                update customer_addresses set kind = :kind, department_id = :dep, municipality_id = :mun, district_id = :dis,
                       zone = :zone, street = :street, reference = :ref, latitude = :lat, longitude = :lon, updated_at = :now
                 where tenant_id = :t and id = :id
                """)
            .param("kind", address.kind()).param("dep", address.departmentId()).param("mun", address.municipalityId())
            .param("dis", address.districtId()).param("zone", address.zone()).param("street", address.street().trim())
            .param("ref", address.reference()).param("lat", address.latitude()).param("lon", address.longitude())
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", addressId)
            .update();
        CustomerViews.Address after = address(customerId, addressId);
        audit.record(AuditAction.UPDATE, "customer_address", addressId, before, after);
        return after;
    }

    private void checkAddress(Customer customer, CustomerViews.NewAddress address) {
        if (!geo.isValidPlace(customer.country(), address.departmentId(), address.municipalityId(), address.districtId())) {
            throw ApiException.badRequest("invalid-place");
        }
        if ((address.latitude() == null) != (address.longitude() == null)) {
            throw ApiException.badRequest("incomplete-coordinates");
        }
    }

    private CustomerViews.Address address(UUID customerId, UUID addressId) {
        return addresses(customerId).stream().filter(a -> a.id().equals(addressId)).findFirst()
            .orElseThrow(() -> ApiException.notFound("address"));
    }

    @Transactional
    public void removeAddress(UUID customerId, UUID addressId) {
        get(customerId);
        CustomerViews.Address before = address(customerId, addressId);
        jdbc.sql("delete from customer_addresses where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", addressId).update();
        audit.record(AuditAction.DELETE, "customer_address", addressId, before, null);
    }

    /** A document of the customer; its number is encrypted at rest, its file uploaded through the files API first. */
    @Transactional
    public CustomerViews.Document addDocument(UUID customerId, CustomerViews.NewDocument document) {
        get(customerId);
        if (document.fileId() != null) {
            try {
                files.attach(document.fileId(), "customer", customerId.toString());
            }
            catch (ApiException ex) {
                throw ApiException.badRequest("unknown-file");
            }
        }
        UUID id = Ids.next();
        jdbc.sql("""
                insert into customer_documents (tenant_id, id, customer_id, type, number, expires_on, file_id, created_at, created_by)
                values (:t, :id, :c, :type, :number, :expires, :file, :now, :by)
                """)
            .param("t", TenantContext.require()).param("id", id).param("c", customerId).param("type", document.type())
            .param("number", document.number() == null || document.number().isBlank() ? null : cipher.encrypt(document.number().trim()))
            .param("expires", document.expiresOn() == null ? null : java.sql.Date.valueOf(document.expiresOn()))
            .param("file", document.fileId()).param("now", Timestamp.from(clock.instant()))
            .param("by", CurrentUsers.current().map(CurrentUser::userId).orElse(null))
            .update();
        CustomerViews.Document created = documents(customerId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        audit.record(AuditAction.CREATE, "customer_document", id, null,
                Map.of("type", created.type(), "expiresOn", String.valueOf(created.expiresOn())));
        return created;
    }

    /** Removes the document; its file stays in the files module (other records may point at it). */
    @Transactional
    public void removeDocument(UUID customerId, UUID documentId) {
        get(customerId);
        CustomerViews.Document before = documents(customerId).stream().filter(d -> d.id().equals(documentId)).findFirst()
            .orElseThrow(() -> ApiException.notFound("document"));
        jdbc.sql("delete from customer_documents where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", documentId).update();
        audit.record(AuditAction.DELETE, "customer_document", documentId,
                Map.of("type", before.type(), "expiresOn", String.valueOf(before.expiresOn())), null);
    }

    private List<CustomerViews.Address> addresses(UUID customerId) {
        return jdbc.sql("""
                select id, kind, department_id, municipality_id, district_id, zone, street, reference, latitude, longitude
                  from customer_addresses where tenant_id = :t and customer_id = :c order by kind, created_at
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> {
                java.math.BigDecimal lat = rs.getBigDecimal("latitude");
                java.math.BigDecimal lon = rs.getBigDecimal("longitude");
                String map = lat == null ? null : "https://www.openstreetmap.org/?mlat=" + lat.toPlainString() + "&mlon="
                        + lon.toPlainString() + "#map=17/" + lat.toPlainString() + "/" + lon.toPlainString();
                return new CustomerViews.Address(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("department_id"), rs.getString("municipality_id"), rs.getString("district_id"),
                        rs.getString("zone"), rs.getString("street"), rs.getString("reference"), lat, lon, map);
            })
            .list();
    }

    private List<CustomerViews.Document> documents(UUID customerId) {
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
                return new CustomerViews.Document(rs.getObject("id", UUID.class), rs.getString("type"),
                        number == null ? null : cipher.decrypt(number), on, expiry, rs.getObject("file_id", UUID.class));
            })
            .list();
    }

    private static String[] tags(List<String> tags) {
        return tags == null ? new String[0]
                : tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct()
                    .toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
