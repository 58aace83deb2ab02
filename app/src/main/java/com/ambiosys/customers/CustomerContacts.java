package com.ambiosys.customers;

import static com.ambiosys.customers.CustomerChecks.checkedContact;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.CustomerViews.Contact;
import com.ambiosys.customers.CustomerViews.Customer;
import com.ambiosys.customers.CustomerViews.NewContact;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/** A customer's contacts: added, replaced, removed; one primary at most. */
@Component
class CustomerContacts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final CustomerQueries queries;

    CustomerContacts(JdbcClient jdbc, AuditTrail audit, Clock clock, CustomerQueries queries) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.queries = queries;
    }

    Contact addContact(UUID customerId, NewContact contact) {
        Customer customer = queries.get(customerId);
        NewContact checked = checkedContact(contact, customer.country());
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        demoteOtherPrimary(customerId, id, checked.role());
        jdbc.sql("""
                insert into customer_contacts (tenant_id, id, customer_id, full_name, role, phones, emails, created_at, updated_at)
                values (:t, :id, :customer, :name, :role, :phones, :emails, :now, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("customer", customerId)
            .param("name", checked.fullName().trim()).param("role", checked.role().name())
            .param("phones", checked.phones().toArray(String[]::new)).param("emails", checked.emails().toArray(String[]::new))
            .param("now", now).update();
        Contact created = new Contact(id, checked.fullName().trim(), checked.role(), checked.phones(), checked.emails());
        audit.record(AuditAction.CREATE, "customer_contact", id, null, created);
        return created;
    }

    /** Replaces a contact's name, role, phones and emails; the first phone and email are the primary ones. */
    Contact updateContact(UUID customerId, UUID contactId, NewContact contact) {
        Customer customer = queries.get(customerId);
        Contact before = contact(customer, contactId);
        NewContact checked = checkedContact(contact, customer.country());
        demoteOtherPrimary(customerId, contactId, checked.role());
        jdbc.sql("""
                update customer_contacts set full_name = :name, role = :role, phones = :phones, emails = :emails,
                       updated_at = :now
                 where tenant_id = :t and id = :id
                """)
            .param("name", checked.fullName().trim()).param("role", checked.role().name())
            .param("phones", checked.phones().toArray(String[]::new)).param("emails", checked.emails().toArray(String[]::new))
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", contactId)
            .update();
        Contact after = new Contact(contactId, checked.fullName().trim(), checked.role(), checked.phones(), checked.emails());
        audit.record(AuditAction.UPDATE, "customer_contact", contactId, before, after);
        return after;
    }

    void removeContact(UUID customerId, UUID contactId) {
        Contact before = contact(queries.get(customerId), contactId);
        jdbc.sql("delete from customer_contacts where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", contactId).update();
        audit.record(AuditAction.DELETE, "customer_contact", contactId, before, null);
    }

    private static Contact contact(Customer customer, UUID contactId) {
        return customer.contacts().stream().filter(k -> k.id().equals(contactId)).findFirst()
            .orElseThrow(() -> new NotFoundException("contact"));
    }

    /** A customer has one primary contact: naming a new one makes the previous one OTHER. */
    private void demoteOtherPrimary(UUID customerId, UUID contactId, ContactRole role) {
        if (role != ContactRole.PRIMARY) {
            return;
        }
        jdbc.sql("""
                update customer_contacts set role = 'OTHER', updated_at = :now
                 where tenant_id = :t and customer_id = :c and role = 'PRIMARY' and id <> :id
                """)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("c", customerId)
            .param("id", contactId).update();
    }}
