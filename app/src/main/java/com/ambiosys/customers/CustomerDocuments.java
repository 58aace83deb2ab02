package com.ambiosys.customers;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;

/** A customer's documents: numbers encrypted at rest, files attached through the files module. */
@Component
class CustomerDocuments {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final com.ambiosys.files.FileManagement files;
    private final com.ambiosys.platform.crypto.SecretCipher cipher;
    private final CustomerQueries queries;

    CustomerDocuments(JdbcClient jdbc, AuditTrail audit, Clock clock, com.ambiosys.files.FileManagement files,
            com.ambiosys.platform.crypto.SecretCipher cipher, CustomerQueries queries) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.files = files;
        this.cipher = cipher;
        this.queries = queries;
    }

    /** A document of the customer; its number is encrypted at rest, its file uploaded through the files API first. */
    CustomerViews.Document addDocument(UUID customerId, CustomerViews.NewDocument document) {
        queries.get(customerId);
        if (document.fileId() != null) {
            try {
                files.attach(document.fileId(), CustomerFileAccess.OWNER, customerId.toString());
            }
            catch (NotFoundException ex) {
                throw new InvalidInputException("unknown-file");
            }
        }
        UUID id = Ids.next();
        jdbc.sql("""
                insert into customer_documents (tenant_id, id, customer_id, type, number, expires_on, file_id, created_at, created_by)
                values (:t, :id, :c, :type, :number, :expires, :file, :now, :by)
                """)
            .param("t", TenantContext.require()).param("id", id).param("c", customerId).param("type", document.type().name())
            .param("number", document.number() == null || document.number().isBlank() ? null : cipher.encrypt(document.number().trim()))
            .param("expires", document.expiresOn() == null ? null : java.sql.Date.valueOf(document.expiresOn()))
            .param("file", document.fileId()).param("now", Timestamp.from(clock.instant()))
            .param("by", CurrentUsers.current().map(CurrentUser::userId).orElse(null))
            .update();
        CustomerViews.Document created = queries.documents(customerId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
        audit.record(AuditAction.CREATE, "customer_document", id, null,
                Map.of("type", created.type(), "expiresOn", String.valueOf(created.expiresOn())));
        return created;
    }

    /** Removes the document; its file stays in the files module (other records may point at it). */
    void removeDocument(UUID customerId, UUID documentId) {
        queries.get(customerId);
        CustomerViews.Document before = queries.documents(customerId).stream().filter(d -> d.id().equals(documentId)).findFirst()
            .orElseThrow(() -> new NotFoundException("document"));
        jdbc.sql("delete from customer_documents where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", documentId).update();
        audit.record(AuditAction.DELETE, "customer_document", documentId,
                Map.of("type", before.type(), "expiresOn", String.valueOf(before.expiresOn())), null);
    }}
