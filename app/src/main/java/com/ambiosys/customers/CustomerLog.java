package com.ambiosys.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** A customer's legal entities (razones sociales) and interaction log (calls, visits, emails, notes, messages). */
@Service
public class CustomerLog {

    public record LegalEntity(UUID id, String legalName, String taxId, String nrc, boolean isDefault) {
    }

    public record Interaction(UUID id, InteractionKind kind, Instant occurredAt, String summary, UUID userId, String linkedType,
            String linkedId) {
    }

    private final CustomerManagement customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerLog(CustomerManagement customers, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public LegalEntity addLegalEntity(UUID customerId, String legalName, String taxId, String nrc, boolean isDefault) {
        var customer = customers.get(customerId);
        String checkedTaxId = CustomerChecks.checkedTaxId(customer.country(), taxId);
        String checkedNrc = checkedNrc(customer.country(), nrc);
        UUID tenant = TenantContext.require();
        UUID id = Ids.next();
        if (isDefault) {
            clearDefault(customerId, id);
        }
        jdbc.sql("""
                insert into customer_legal_entities (tenant_id, id, customer_id, legal_name, tax_id, nrc, is_default, created_at)
                values (:t, :id, :c, :name, :tax, :nrc, :def, :now)
                """)
            .param("t", tenant).param("id", id).param("c", customerId).param("name", legalName.trim())
            .param("tax", checkedTaxId).param("nrc", checkedNrc)
            .param("def", isDefault).param("now", Timestamp.from(clock.instant())).update();
        LegalEntity created = legalEntity(customerId, id);
        audit.record(AuditAction.CREATE, "customer_legal_entity", id, null, created);
        return created;
    }

    @Transactional
    public LegalEntity updateLegalEntity(UUID customerId, UUID entityId, String legalName, String taxId, String nrc,
            boolean isDefault) {
        var customer = customers.get(customerId);
        LegalEntity before = legalEntity(customerId, entityId);
        String checkedTaxId = CustomerChecks.checkedTaxId(customer.country(), taxId);
        String checkedNrc = checkedNrc(customer.country(), nrc);
        if (isDefault) {
            clearDefault(customerId, entityId);
        }
        jdbc.sql("""
                update customer_legal_entities set legal_name = :name, tax_id = :tax, nrc = :nrc, is_default = :def
                 where tenant_id = :t and id = :id
                """)
            .param("name", legalName.trim()).param("tax", checkedTaxId).param("nrc", checkedNrc).param("def", isDefault)
            .param("t", TenantContext.require()).param("id", entityId).update();
        LegalEntity after = legalEntity(customerId, entityId);
        audit.record(AuditAction.UPDATE, "customer_legal_entity", entityId, before, after);
        return after;
    }

    @Transactional
    public void removeLegalEntity(UUID customerId, UUID entityId) {
        customers.get(customerId);
        LegalEntity before = legalEntity(customerId, entityId);
        jdbc.sql("delete from customer_legal_entities where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", entityId).update();
        audit.record(AuditAction.DELETE, "customer_legal_entity", entityId, before, null);
    }

    private LegalEntity legalEntity(UUID customerId, UUID entityId) {
        return legalEntities(customerId).stream().filter(e -> e.id().equals(entityId)).findFirst()
            .orElseThrow(() -> new NotFoundException("legal-entity"));
    }

    private void clearDefault(UUID customerId, UUID keep) {
        jdbc.sql("update customer_legal_entities set is_default = false where tenant_id = :t and customer_id = :c and id <> :id")
            .param("t", TenantContext.require()).param("c", customerId).param("id", keep).update();
    }

    private static String checkedNrc(Country country, String nrc) {
        if (nrc == null || nrc.isBlank()) {
            return null;
        }
        String normalized = TaxIds.normalizeNrc(nrc);
        if (normalized == null || country != Country.SV) {
            throw new InvalidInputException("invalid-nrc", nrc);
        }
        return normalized;
    }

    @Transactional(readOnly = true)
    public List<LegalEntity> legalEntities(UUID customerId) {
        customers.get(customerId);
        return jdbc.sql("""
                select id, legal_name, tax_id, nrc, is_default from customer_legal_entities
                 where tenant_id = :t and customer_id = :c order by is_default desc, legal_name
                """).param("t", TenantContext.require()).param("c", customerId)
            .query((rs, n) -> new LegalEntity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5)))
            .list();
    }

    /** Adds to the interaction log; other modules (the inbox) pass what the interaction belongs to. */
    @Transactional
    public Interaction log(UUID customerId, InteractionKind kind, Instant occurredAt, String summary, String linkedType,
            String linkedId) {
        customers.get(customerId);
        UUID id = Ids.next();
        Instant now = clock.instant();
        UUID user = CurrentUsers.current().map(CurrentUser::userId).orElse(null);
        jdbc.sql("""
                insert into customer_interactions (tenant_id, id, customer_id, kind, occurred_at, summary, user_id,
                                                   linked_type, linked_id, created_at)
                values (:t, :id, :c, :kind, :at, :summary, :user, :lt, :li, :now)
                """)
            .param("t", TenantContext.require()).param("id", id).param("c", customerId).param("kind", kind.name())
            .param("at", Timestamp.from(occurredAt == null ? now : occurredAt)).param("summary", summary.trim())
            .param("user", user).param("lt", linkedType).param("li", linkedId).param("now", Timestamp.from(now))
            .update();
        return new Interaction(id, kind, occurredAt == null ? now : occurredAt, summary.trim(), user, linkedType, linkedId);
    }

    @Transactional(readOnly = true)
    public PageResponse<Interaction> interactions(UUID customerId, PageQuery page) {
        customers.get(customerId);
        UUID tenant = TenantContext.require();
        long total = jdbc.sql("select count(*) from customer_interactions where tenant_id = :t and customer_id = :c")
            .param("t", tenant).param("c", customerId).query(Long.class).single();
        List<Interaction> items = jdbc.sql("""
                select id, kind, occurred_at, summary, user_id, linked_type, linked_id from customer_interactions
                 where tenant_id = :t and customer_id = :c order by occurred_at desc, id desc limit :limit offset :offset
                """).param("t", tenant).param("c", customerId).param("limit", page.sizeOrDefault()).param("offset", page.offset())
            .query((rs, n) -> new Interaction(rs.getObject(1, UUID.class), InteractionKind.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                    rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7)))
            .list();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }
}
