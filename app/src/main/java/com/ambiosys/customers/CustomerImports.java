package com.ambiosys.customers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerViews.NewAddress;
import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.customers.CustomerViews.NewCustomer;
import com.ambiosys.customers.ImportRows.Row;
import com.ambiosys.geo.GeoDirectory;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.ApiException;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV import of customers with a contact and an address per row, in two steps: a preview that checks
 * every row and stores nothing but the import itself, then a commit that creates the customers of the
 * rows that are still valid (each row is checked again: the data may have changed in between). Bad rows
 * are reported with their line, field and reason, and are never stored.
 */
@Service
public class CustomerImports {

    /** What went wrong with one value of a row. */
    public record RowError(String field, String code, String message) {
    }

    public record ImportRow(int line, String commercialName, String taxId, String contactName, Map<String, String> values,
            List<RowError> errors) {
    }

    /** @param status PREVIEW or COMMITTED */
    public record Import(UUID id, String fileName, String status, int totalRows, int validRows, int errorRows,
            Integer createdCount, Instant createdAt, UUID createdBy, Instant committedAt, List<ImportRow> rows) {
    }

    public record ImportSummary(UUID id, String fileName, String status, int totalRows, int validRows, int errorRows,
            Integer createdCount, Instant createdAt, UUID createdBy, String createdByName) {
    }

    /** A stored row: its values and the codes of its errors (rendered in the reader's language). */
    record StoredRow(int line, Map<String, String> values, List<StoredError> errors) {
    }

    record StoredError(String field, String code, List<String> args) {
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Map<String, String> KINDS = Map.of("COMPANY", "COMPANY", "EMPRESA", "COMPANY", "PERSON",
            "PERSON", "PERSONA", "PERSON");
    private static final Map<String, String> COUNTRIES = Map.of("GT", "GT", "GUATEMALA", "GT", "SV", "SV", "EL_SALVADOR",
            "SV", "SALVADOR", "SV");
    private static final Map<String, String> CONTACT_ROLES = Map.ofEntries(Map.entry("PRIMARY", "PRIMARY"),
            Map.entry("PRINCIPAL", "PRIMARY"), Map.entry("BILLING", "BILLING"), Map.entry("FACTURACION", "BILLING"),
            Map.entry("PURCHASING", "PURCHASING"), Map.entry("COMPRAS", "PURCHASING"), Map.entry("SITE", "SITE"),
            Map.entry("SITIO", "SITE"), Map.entry("OTHER", "OTHER"), Map.entry("OTRO", "OTHER"));
    private static final Map<String, String> ADDRESS_KINDS = Map.ofEntries(Map.entry("FISCAL", "FISCAL"),
            Map.entry("BILLING", "BILLING"), Map.entry("FACTURACION", "BILLING"), Map.entry("SERVICE_SITE", "SERVICE_SITE"),
            Map.entry("SITIO_SERVICIO", "SERVICE_SITE"), Map.entry("SITIO_DE_SERVICIO", "SERVICE_SITE"),
            Map.entry("SHIPPING", "SHIPPING"), Map.entry("ENVIO", "SHIPPING"), Map.entry("ENTREGA", "SHIPPING"));
    private static final TypeReference<List<StoredRow>> ROWS = new TypeReference<>() {
    };

    private final CustomerManagement customers;
    private final GeoDirectory geo;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final com.ambiosys.identity.StaffDirectory staff;

    CustomerImports(CustomerManagement customers, GeoDirectory geo, JdbcClient jdbc, JsonMapper json, AuditTrail audit,
            MessageSource messages, Clock clock, com.ambiosys.identity.StaffDirectory staff) {
        this.customers = customers;
        this.geo = geo;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.staff = staff;
    }

    /** Reads and checks the file; stores the import (not the customers) for a later commit. */
    @Transactional
    public Import preview(String fileName, String content) {
        List<Row> rows = ImportRows.read(content);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("import-empty");
        }
        List<StoredRow> checked = check(rows).stream().map(c -> new StoredRow(c.row().line(), c.row().values(), c.errors()))
            .toList();
        int errorRows = (int) checked.stream().filter(r -> !r.errors().isEmpty()).count();
        UUID id = Ids.next();
        UUID actor = CurrentUsers.current().map(CurrentUser::userId).orElse(null);
        jdbc.sql("""
                insert into customer_imports (tenant_id, id, file_name, status, total_rows, valid_rows, error_rows, rows,
                                              created_at, created_by)
                values (:t, :id, :name, 'PREVIEW', :total, :valid, :errors, cast(:rows as jsonb), :now, :by)
                """)
            .param("t", TenantContext.require()).param("id", id).param("name", fileName)
            .param("total", checked.size()).param("valid", checked.size() - errorRows).param("errors", errorRows)
            .param("rows", json.writeValueAsString(checked)).param("now", Timestamp.from(clock.instant()))
            .param("by", actor).update();
        audit.record(AuditAction.CREATE, "customer_import", id, null,
                Map.of("fileName", fileName, "totalRows", checked.size(), "errorRows", errorRows));
        return get(id);
    }

    /** Creates the customers of the rows that are (still) valid; rows that are not are reported, not stored. */
    @Transactional
    public Import commit(UUID id) {
        UUID tenant = TenantContext.require();
        String status = jdbc.sql("select status from customer_imports where tenant_id = :t and id = :id for update")
            .param("t", tenant).param("id", id).query(String.class).optional()
            .orElseThrow(() -> ApiException.notFound("customer-import"));
        if (!"PREVIEW".equals(status)) {
            throw ApiException.conflict("import-already-committed");
        }
        List<StoredRow> stored = storedRows(id);
        List<Row> rows = stored.stream().filter(r -> r.errors().isEmpty()).map(r -> new Row(r.line(), r.values())).toList();
        Map<Integer, List<StoredError>> errorsByLine = new HashMap<>();
        stored.forEach(r -> errorsByLine.put(r.line(), r.errors()));
        int created = 0;
        for (Checked row : check(rows)) {
            if (!row.errors().isEmpty()) {
                errorsByLine.put(row.row().line(), row.errors());
                continue;
            }
            CustomerViews.Customer customer = customers.create(row.customer());
            if (row.address() != null) {
                customers.addAddress(customer.id(), row.address());
            }
            created++;
        }
        List<StoredRow> after = stored.stream()
            .map(r -> new StoredRow(r.line(), r.values(), errorsByLine.getOrDefault(r.line(), List.of()))).toList();
        int errorRows = (int) after.stream().filter(r -> !r.errors().isEmpty()).count();
        jdbc.sql("""
                update customer_imports set status = 'COMMITTED', created_count = :created, valid_rows = :valid,
                       error_rows = :errors, rows = cast(:rows as jsonb), committed_at = :now, committed_by = :by
                 where tenant_id = :t and id = :id
                """)
            .param("created", created).param("valid", after.size() - errorRows).param("errors", errorRows)
            .param("rows", json.writeValueAsString(after)).param("now", Timestamp.from(clock.instant()))
            .param("by", CurrentUsers.current().map(CurrentUser::userId).orElse(null)).param("t", tenant).param("id", id)
            .update();
        audit.record(AuditAction.UPDATE, "customer_import", id, Map.of("status", "PREVIEW"),
                Map.of("status", "COMMITTED", "createdCount", created));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Import get(UUID id) {
        return jdbc.sql("""
                select id, file_name, status, total_rows, valid_rows, error_rows, created_count, created_at, created_by,
                       committed_at
                  from customer_imports where tenant_id = :t and id = :id
                """).param("t", TenantContext.require()).param("id", id)
            .query((rs, n) -> new Import(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("status"),
                    rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("error_rows"),
                    (Integer) rs.getObject("created_count"), rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("created_by", UUID.class),
                    rs.getTimestamp("committed_at") == null ? null : rs.getTimestamp("committed_at").toInstant(),
                    storedRows(id).stream().map(this::render).toList()))
            .optional().orElseThrow(() -> ApiException.notFound("customer-import"));
    }

    @Transactional(readOnly = true)
    public PageResponse<ImportSummary> history(PageQuery page) {
        UUID tenant = TenantContext.require();
        long total = jdbc.sql("select count(*) from customer_imports where tenant_id = :t").param("t", tenant)
            .query(Long.class).single();
        Map<UUID, String> names = new HashMap<>();
        staff.all().forEach(m -> names.put(m.id(), m.fullName()));
        List<ImportSummary> items = jdbc.sql("""
                select id, file_name, status, total_rows, valid_rows, error_rows, created_count, created_at, created_by
                  from customer_imports where tenant_id = :t order by created_at desc, id desc limit :limit offset :offset
                """).param("t", tenant).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> new ImportSummary(rs.getObject("id", UUID.class), rs.getString("file_name"),
                    rs.getString("status"), rs.getInt("total_rows"), rs.getInt("valid_rows"), rs.getInt("error_rows"),
                    (Integer) rs.getObject("created_count"), rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("created_by", UUID.class), names.get(rs.getObject("created_by", UUID.class))))
            .list();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    public String template(Locale locale) {
        return ImportRows.template(!"en".equals(locale.getLanguage()));
    }

    private List<StoredRow> storedRows(UUID id) {
        String rows = jdbc.sql("select rows::text from customer_imports where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query(String.class).single();
        return json.readValue(rows, ROWS);
    }

    private ImportRow render(StoredRow row) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> errors = row.errors().stream().map(e -> new RowError(e.field(), e.code(),
                messages.getMessage("import.error." + e.code(), e.args().toArray(), e.code(), locale))).toList();
        return new ImportRow(row.line(), row.values().get("commercialName"), row.values().get("taxId"),
                row.values().get("contactName"), row.values(), errors);
    }

    /** A checked row: either errors, or the customer (and address) it creates. */
    private record Checked(Row row, List<StoredError> errors, NewCustomer customer, NewAddress address) {
    }

    /** Checks every row: its values, the places against the catalog, and duplicates in the file and in the database. */
    private List<Checked> check(List<Row> rows) {
        CurrentUser actor = CurrentUsers.current().orElse(null);
        boolean assignsAnyOwner = actor == null || actor.can("customers:view_all");
        Map<String, UUID> owners = new HashMap<>();
        staff.activeWith("customers:create").forEach(m -> owners.put(m.email().toLowerCase(Locale.ROOT), m.id()));
        Places places = new Places(geo);
        List<Checked> result = new ArrayList<>();
        List<RowDraft> drafts = new ArrayList<>();
        for (Row row : rows) {
            drafts.add(draft(row, owners, assignsAnyOwner, actor, places));
        }
        Existing existing = existing(drafts);
        Set<String> seenTaxIds = new HashSet<>();
        Set<String> seenContacts = new HashSet<>();
        for (RowDraft d : drafts) {
            if (d.taxId != null && !"CF".equals(d.taxId)) {
                if (existing.taxIds.contains(d.taxId)) {
                    d.error("taxId", "duplicate-tax-id", d.taxId);
                }
                else if (!seenTaxIds.add(d.taxId)) {
                    d.error("taxId", "duplicate-in-file", d.taxId);
                }
            }
            for (String phone : d.phones) {
                if (existing.phones.contains(phone)) {
                    d.error("phones", "duplicate-contact", phone);
                }
                else if (!seenContacts.add(phone)) {
                    d.error("phones", "duplicate-in-file", phone);
                }
            }
            for (String email : d.emails) {
                if (existing.emails.contains(email)) {
                    d.error("emails", "duplicate-contact", email);
                }
                else if (!seenContacts.add(email)) {
                    d.error("emails", "duplicate-in-file", email);
                }
            }
            if (!d.errors.isEmpty()) {
                result.add(new Checked(d.row, List.copyOf(d.errors), null, null));
                continue;
            }
            NewContact contact = d.contactName == null ? null
                    : new NewContact(d.contactName, d.contactRole, d.phones, d.emails);
            NewCustomer customer = new NewCustomer(d.kind, d.values().get("commercialName"), d.taxId, d.country, d.ownerId,
                    ImportRows.list(d.values().get("tags")), d.values().get("notes"), contact, true);
            result.add(new Checked(d.row, List.of(), customer, d.address));
        }
        return result;
    }

    /** A row being checked: its parsed values so far and its errors. */
    private static final class RowDraft {
        final Row row;
        final List<StoredError> errors = new ArrayList<>();
        String kind;
        String country;
        String taxId;
        UUID ownerId;
        String contactName;
        String contactRole;
        List<String> phones = List.of();
        List<String> emails = List.of();
        NewAddress address;

        RowDraft(Row row) {
            this.row = row;
        }

        Map<String, String> values() {
            return row.values();
        }

        void error(String field, String code, Object... args) {
            errors.add(new StoredError(field, code, java.util.Arrays.stream(args).map(String::valueOf).toList()));
        }
    }

    private RowDraft draft(Row row, Map<String, UUID> owners, boolean assignsAnyOwner, CurrentUser actor, Places places) {
        RowDraft d = new RowDraft(row);
        Map<String, String> v = row.values();
        String name = v.get("commercialName");
        if (name == null) {
            d.error("commercialName", "required");
        }
        else if (name.length() > 200) {
            d.error("commercialName", "too-long", 200);
        }
        d.kind = v.get("kind") == null ? "COMPANY" : KINDS.get(upper(v.get("kind")));
        if (d.kind == null) {
            d.error("kind", "invalid-kind", v.get("kind"));
        }
        d.country = v.get("country") == null ? null : COUNTRIES.get(upper(v.get("country")));
        if (d.country == null) {
            d.error("country", v.get("country") == null ? "required" : "invalid-country", v.get("country"));
        }
        if (v.get("taxId") != null && d.country != null) {
            if (TaxIds.isValid(d.country, v.get("taxId"))) {
                d.taxId = TaxIds.normalize(v.get("taxId"));
            }
            else {
                d.error("taxId", "invalid-tax-id", v.get("taxId"));
            }
        }
        List<String> tags = ImportRows.list(v.get("tags"));
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 40)) {
            d.error("tags", "invalid-tags");
        }
        if (v.get("notes") != null && v.get("notes").length() > 4000) {
            d.error("notes", "too-long", 4000);
        }
        if (v.get("ownerEmail") != null) {
            d.ownerId = owners.get(v.get("ownerEmail").toLowerCase(Locale.ROOT));
            if (d.ownerId == null) {
                d.error("ownerEmail", "unknown-owner", v.get("ownerEmail"));
            }
            else if (!assignsAnyOwner && !d.ownerId.equals(actor.userId())) {
                d.error("ownerEmail", "owner-not-allowed", v.get("ownerEmail"));
            }
        }
        checkContact(d, name);
        checkAddress(d, places);
        return d;
    }

    private static void checkContact(RowDraft d, String customerName) {
        Map<String, String> v = d.values();
        if (v.get("contactName") == null && v.get("phones") == null && v.get("emails") == null) {
            return;
        }
        d.contactName = v.get("contactName") != null ? v.get("contactName") : customerName;
        if (d.contactName != null && d.contactName.length() > 120) {
            d.error("contactName", "too-long", 120);
        }
        d.contactRole = v.get("contactRole") == null ? "PRIMARY" : CONTACT_ROLES.get(upper(v.get("contactRole")));
        if (d.contactRole == null) {
            d.error("contactRole", "invalid-contact-role", v.get("contactRole"));
        }
        List<String> phones = new ArrayList<>();
        for (String phone : ImportRows.list(v.get("phones"))) {
            String normalized = Phones.normalize(phone, d.country);
            if (normalized == null) {
                d.error("phones", "invalid-phone", phone);
            }
            else if (!phones.contains(normalized)) {
                phones.add(normalized);
            }
        }
        List<String> emails = new ArrayList<>();
        for (String email : ImportRows.list(v.get("emails"))) {
            String normalized = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(normalized).matches() || normalized.length() > 254) {
                d.error("emails", "invalid-email", email);
            }
            else if (!emails.contains(normalized)) {
                emails.add(normalized);
            }
        }
        if (phones.size() > 5 || emails.size() > 5) {
            d.error(phones.size() > 5 ? "phones" : "emails", "too-many", 5);
        }
        d.phones = phones;
        d.emails = emails;
    }

    private static void checkAddress(RowDraft d, Places places) {
        Map<String, String> v = d.values();
        List<String> keys = List.of("addressKind", "department", "municipality", "district", "zone", "street", "reference",
                "latitude", "longitude");
        if (keys.stream().noneMatch(v::containsKey)) {
            return;
        }
        String kind = v.get("addressKind") == null ? "SERVICE_SITE" : ADDRESS_KINDS.get(upper(v.get("addressKind")));
        if (kind == null) {
            d.error("addressKind", "invalid-address-kind", v.get("addressKind"));
        }
        if (v.get("street") == null) {
            d.error("street", "required");
        }
        else if (v.get("street").length() > 300) {
            d.error("street", "too-long", 300);
        }
        String department = null;
        String municipality = null;
        String district = null;
        if (v.get("department") == null) {
            d.error("department", "required");
        }
        else if (d.country != null) {
            department = places.department(d.country, v.get("department"));
            if (department == null) {
                d.error("department", "unknown-place", v.get("department"));
            }
        }
        if (v.get("municipality") == null) {
            d.error("municipality", "required");
        }
        else if (department != null) {
            municipality = places.municipality(department, v.get("municipality"));
            if (municipality == null) {
                d.error("municipality", "unknown-place", v.get("municipality"));
            }
        }
        if (v.get("district") != null && municipality != null) {
            district = places.district(municipality, v.get("district"));
            if (district == null) {
                d.error("district", "unknown-place", v.get("district"));
            }
        }
        BigDecimal latitude = decimal(d, "latitude", 90);
        BigDecimal longitude = decimal(d, "longitude", 180);
        if ((v.get("latitude") == null) != (v.get("longitude") == null)) {
            d.error(v.get("latitude") == null ? "latitude" : "longitude", "incomplete-coordinates");
        }
        if (d.errors.isEmpty()) {
            d.address = new NewAddress(kind, department, municipality, district, v.get("zone"), v.get("street"),
                    v.get("reference"), latitude, longitude);
        }
    }

    private static BigDecimal decimal(RowDraft d, String key, int limit) {
        String value = d.values().get(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.replace(',', '.'));
            if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                d.error(key, "out-of-range", -limit, limit);
                return null;
            }
            return number;
        }
        catch (NumberFormatException ex) {
            d.error(key, "not-a-number", value);
            return null;
        }
    }

    private record Existing(Set<String> taxIds, Set<String> phones, Set<String> emails) {
    }

    /** The tax ids, phones and emails of the file that the tenant's customers already have: three queries. */
    private Existing existing(List<RowDraft> drafts) {
        UUID tenant = TenantContext.require();
        String[] taxIds = drafts.stream().map(d -> d.taxId).filter(t -> t != null && !"CF".equals(t)).distinct()
            .toArray(String[]::new);
        String[] phones = drafts.stream().flatMap(d -> d.phones.stream()).distinct().toArray(String[]::new);
        String[] emails = drafts.stream().flatMap(d -> d.emails.stream()).distinct().toArray(String[]::new);
        Set<String> foundTaxIds = new HashSet<>(jdbc.sql("""
                select tax_id from customers where tenant_id = :t and status <> 'DELETED' and tax_id = any(cast(:ids as text[]))
                """).param("t", tenant).param("ids", taxIds).query(String.class).list());
        Set<String> foundPhones = new HashSet<>(jdbc.sql("""
                select distinct p from customer_contacts k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id,
                       unnest(k.phones) p
                 where k.tenant_id = :t and c.status <> 'DELETED' and k.phones && cast(:phones as text[])
                   and p = any(cast(:phones as text[]))
                """).param("t", tenant).param("phones", phones).query(String.class).list());
        Set<String> foundEmails = new HashSet<>(jdbc.sql("""
                select distinct e from customer_contacts k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id,
                       unnest(k.emails) e
                 where k.tenant_id = :t and c.status <> 'DELETED' and k.emails && cast(:emails as text[])
                   and e = any(cast(:emails as text[]))
                """).param("t", tenant).param("emails", emails).query(String.class).list());
        return new Existing(foundTaxIds, foundPhones, foundEmails);
    }

    /** Departments, municipalities and districts by id or by name (accents and case forgiven), cached per import. */
    private static final class Places {
        private final GeoDirectory geo;
        private final Map<String, List<GeoDirectory.Place>> cache = new HashMap<>();

        Places(GeoDirectory geo) {
            this.geo = geo;
        }

        String department(String country, String value) {
            return find(cache.computeIfAbsent("c:" + country, k -> geo.departments(country)), value);
        }

        String municipality(String departmentId, String value) {
            return find(cache.computeIfAbsent("d:" + departmentId, k -> geo.municipalities(departmentId)), value);
        }

        String district(String municipalityId, String value) {
            return find(cache.computeIfAbsent("m:" + municipalityId, k -> geo.districts(municipalityId)), value);
        }

        private static String find(List<GeoDirectory.Place> places, String value) {
            String wanted = plain(value);
            return places.stream().filter(p -> p.id().equalsIgnoreCase(value.trim()) || plain(p.name()).equals(wanted)
                    || value.trim().equals(p.code()))
                .map(GeoDirectory.Place::id).findFirst().orElse(null);
        }
    }

    private static String plain(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ");
    }

    private static String upper(String s) {
        return plain(s).toUpperCase(Locale.ROOT).replace(' ', '_');
    }
}
