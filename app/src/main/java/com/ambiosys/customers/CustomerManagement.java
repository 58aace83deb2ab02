package com.ambiosys.customers;

import static com.ambiosys.customers.CustomerChecks.checkedContact;
import static com.ambiosys.customers.CustomerChecks.checkedTaxId;
import static com.ambiosys.customers.CustomerChecks.tags;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/**
 * The customers module's public service: its use cases and their transactions. The customer's own
 * commands are here; reads, contacts, addresses and documents are done by the package's parts.
 */
@Service
public class CustomerManagement {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final CustomerQueries queries;
    private final CustomerContacts contacts;
    private final CustomerAddresses addresses;
    private final CustomerDocuments documents;

    CustomerManagement(JdbcClient jdbc, AuditTrail audit, Clock clock, CustomerQueries queries,
            CustomerContacts contacts, CustomerAddresses addresses, CustomerDocuments documents) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.queries = queries;
        this.contacts = contacts;
        this.addresses = addresses;
        this.documents = documents;
    }

    /** A conflict that lists the customers the new one may duplicate; the caller may confirm and retry. */
    public static final class DuplicateWarning extends ConflictException {

        DuplicateWarning(List<PossibleDuplicate> duplicates) {
            super("possible-duplicate");
            with("duplicates", duplicates);
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
            .param("t", tenant).param("id", id).param("kind", command.kind().name()).param("name", command.commercialName().trim())
            .param("taxId", taxId).param("country", command.country().name()).param("owner", owner)
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

    /** Blocks (or unblocks, with status ACTIVE) a customer; a reason is kept. */
    @Transactional
    public void changeStatus(UUID id, CustomerStatus status, String reason) {
        writeStatus(id, status.name(), reason);
    }

    /** Deletes a customer softly (status DELETED: gone from every view, still named by its records); a reason is kept. */
    @Transactional
    public void delete(UUID id, String reason) {
        writeStatus(id, "DELETED", reason);
    }

    private void writeStatus(UUID id, String status, String reason) {
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

    /** An owner given by id must be one of {@link #owners()}: a user of this tenant (not any id) who may hold customers. */
    private UUID checkedOwner(UUID ownerId) {
        if (owners().stream().noneMatch(o -> o.id().equals(ownerId))) {
            throw new InvalidInputException("invalid-customer-owner");
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

    /** What the audit log keeps of a customer: everything but document numbers (national ids stay encrypted). */
    private static Customer snapshot(Customer c) {
        List<CustomerViews.Document> documents = c.documents().stream()
            .map(d -> new CustomerViews.Document(d.id(), d.type(), null, d.expiresOn(), d.expiry(), d.fileId())).toList();
        return new Customer(c.id(), c.kind(), c.commercialName(), c.taxId(), c.country(), c.status(), c.statusReason(),
                c.ownerId(), c.tags(), c.notes(), c.contacts(), c.addresses(), documents, c.createdAt(), c.updatedAt());
    }

    /** One row of an export: the customer, its primary (else first) contact and its first address. */
    public record ExportRow(String kind, String commercialName, String taxId, String country, List<String> tags,
            String notes, UUID ownerId, String contactName, String contactRole, List<String> phones, List<String> emails,
            ExportAddress address, String status, Instant createdAt) {
    }

    /** The first address of an exported customer, its places by id. */
    public record ExportAddress(String kind, String departmentId, String municipalityId, String districtId, String zone,
            String street, String reference, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }

    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        return queries.get(id);
    }

    /** Search by name, tax id, a contact's name, phone (however typed) or email; forgives accents and case. */
    @Transactional(readOnly = true)
    public PageResponse<CustomerSummary> search(CustomerViews.CustomerFilter criteria, PageQuery page) {
        return queries.search(criteria, page);
    }

    /** The customer (not deleted) one of whose contacts has this phone, in E.164; for the inbox's suggestions. */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerViews.CustomerRef> findByPhone(String e164) {
        return queries.findByPhone(e164);
    }

    /** The name of a customer of the tenant (not deleted), whoever owns it. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> findName(UUID id) {
        return queries.findName(id);
    }

    /** Whether the current user may see the customer: it exists, is not deleted, and is theirs or they may view all. */
    @Transactional(readOnly = true)
    public boolean visible(UUID id) {
        return queries.visible(id);
    }

    /** The tags in use on the customers the current user can see, for the list's filter. */
    @Transactional(readOnly = true)
    public List<String> tagsInUse() {
        return queries.tagsInUse();
    }

    /** Who can own customers: active users who may create them. */
    @Transactional(readOnly = true)
    public List<CustomerViews.Owner> owners() {
        return queries.owners();
    }

    @Transactional
    public Contact addContact(UUID customerId, NewContact contact) {
        return contacts.addContact(customerId, contact);
    }

    /** Replaces a contact's name, role, phones and emails; the first phone and email are the primary ones. */
    @Transactional
    public Contact updateContact(UUID customerId, UUID contactId, NewContact contact) {
        return contacts.updateContact(customerId, contactId, contact);
    }

    @Transactional
    public void removeContact(UUID customerId, UUID contactId) {
        contacts.removeContact(customerId, contactId);
    }

    @Transactional
    public CustomerViews.Address addAddress(UUID customerId, CustomerViews.NewAddress address) {
        return addresses.addAddress(customerId, address);
    }

    @Transactional
    public CustomerViews.Address updateAddress(UUID customerId, UUID addressId, CustomerViews.NewAddress address) {
        return addresses.updateAddress(customerId, addressId, address);
    }

    @Transactional
    public void removeAddress(UUID customerId, UUID addressId) {
        addresses.removeAddress(customerId, addressId);
    }

    /** A document of the customer; its number is encrypted at rest, its file uploaded through the files API first. */
    @Transactional
    public CustomerViews.Document addDocument(UUID customerId, CustomerViews.NewDocument document) {
        return documents.addDocument(customerId, document);
    }

    /** Removes the document; its file stays in the files module (other records may point at it). */
    @Transactional
    public void removeDocument(UUID customerId, UUID documentId) {
        documents.removeDocument(customerId, documentId);
    }
}
