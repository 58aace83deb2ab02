package com.ambiosys.customers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.customers.CustomerImports.StoredError;
import com.ambiosys.customers.CustomerViews.NewAddress;
import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.customers.CustomerViews.NewCustomer;
import com.ambiosys.customers.ImportRowRules.RowDraft;
import com.ambiosys.customers.ImportRows.Row;
import com.ambiosys.geo.GeoDirectory;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Checks the rows of a customer import as the current user would create them: each row by {@link ImportRowRules},
 * then tax ids and contacts that repeat in the file or that the tenant's customers already have.
 */
@Component
class ImportChecks {

    /** A checked row: either errors, or the customer (and address) it creates. */
    record Checked(Row row, List<StoredError> errors, NewCustomer customer, NewAddress address, boolean blocked) {
    }

    private final GeoDirectory geo;
    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    ImportChecks(GeoDirectory geo, JdbcClient jdbc, StaffDirectory staff) {
        this.geo = geo;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** Checks every row: its values, the places against the catalog, and duplicates in the file and in the database. */
    List<Checked> check(List<Row> rows) {
        CurrentUser actor = CurrentUsers.current().orElse(null);
        boolean assignsAnyOwner = actor == null || actor.can("customers:view_all");
        Map<String, UUID> owners = new HashMap<>();
        staff.activeWith("customers:create").forEach(m -> owners.put(m.email().toLowerCase(Locale.ROOT), m.id().value()));
        ImportPlaces places = new ImportPlaces(geo);
        List<Checked> result = new ArrayList<>();
        List<RowDraft> drafts = new ArrayList<>();
        for (Row row : rows) {
            drafts.add(ImportRowRules.draft(row, owners, assignsAnyOwner, actor, places));
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
                result.add(new Checked(d.row, List.copyOf(d.errors), null, null, false));
                continue;
            }
            NewContact contact = d.contactName == null ? null
                    : new NewContact(d.contactName, ContactRole.valueOf(d.contactRole), d.phones, d.emails);
            NewCustomer customer = new NewCustomer(CustomerKind.valueOf(d.kind), d.values().get("commercialName"), d.taxId,
                    Country.valueOf(d.country), d.ownerId,
                    ImportRows.list(d.values().get("tags")), d.values().get("notes"), contact, true);
            result.add(new Checked(d.row, List.of(), customer, d.address, "BLOCKED".equals(d.status)));
        }
        return result;
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
}
