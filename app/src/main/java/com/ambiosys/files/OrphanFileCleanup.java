package com.ambiosys.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.files.internal.FileStores;
import com.ambiosys.files.internal.StorageException;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.TenantManagement;

/**
 * Deletes files uploaded but never attached to an owner within {@code ambiosys.files.orphan-ttl}, tenant
 * by tenant in each tenant's transaction: the row is marked deleted (and audited), then the bytes are
 * removed. Bytes of deleted files that could not be removed before (storage down) are retried here too.
 * Only files in a storage this instance can reach are touched.
 */
@Component
class OrphanFileCleanup {

    private static final Logger log = LoggerFactory.getLogger(OrphanFileCleanup.class);
    private static final int BATCH = 500;

    private final TenantManagement tenants;
    private final JdbcClient jdbc;
    private final TenantTransactions tx;
    private final FileStores stores;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration orphanTtl;

    OrphanFileCleanup(TenantManagement tenants, JdbcClient jdbc, TenantTransactions tx, FileStores stores,
            AuditTrail audit, Clock clock, FileProperties properties) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.orphanTtl = properties.orphanTtl();
    }

    /** Answers how many orphans were deleted in all tenants. */
    int cleanUp() {
        int orphans = 0;
        for (UUID tenant : tenants.activeTenantIds()) {
            orphans += tx.call(tenant, status -> deleteOrphans(tenant));
            removeContentOfDeletedFiles(tenant);
        }
        if (orphans > 0) {
            log.info("Deleted {} files never attached within {}", orphans, orphanTtl);
        }
        return orphans;
    }

    private int deleteOrphans(UUID tenant) {
        Instant now = clock.instant();
        List<StoredFile> deleted = jdbc.sql("""
                with doomed as (
                    select id from stored_files
                     where tenant_id = :t and status = 'ACTIVE' and attached_at is null and created_at < :cutoff
                       and storage in (:kinds)
                     order by created_at limit :batch
                       for update skip locked)
                update stored_files f set status = 'DELETED', deleted_at = :now
                  from doomed where f.tenant_id = :t and f.id = doomed.id
                returning f.id, f.owner_type, f.owner_id, f.name, f.media_type, f.size_bytes, f.sha256, f.created_at,
                          f.created_by
                """)
            .param("t", tenant).param("cutoff", Timestamp.from(now.minus(orphanTtl))).param("kinds", stores.kinds())
            .param("batch", BATCH).param("now", Timestamp.from(now))
            .query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getString("owner_type"),
                    rs.getString("owner_id"), rs.getString("name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                    rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(), rs.getObject("created_by", UUID.class)))
            .list();
        for (StoredFile file : deleted) {
            audit.record(AuditAction.DELETE, "file", file.id(), file, Map.of("reason", "never-attached"));
        }
        return deleted.size();
    }

    private record Pending(UUID id, String storage, String key) {
    }

    /** Outside any transaction: no connection waits on the storage. */
    private void removeContentOfDeletedFiles(UUID tenant) {
        List<Pending> pending = tx.read(tenant, status -> jdbc.sql("""
                select id, storage, storage_key from stored_files
                 where tenant_id = :t and status = 'DELETED' and content_deleted_at is null and storage in (:kinds)
                 order by deleted_at limit :batch
                """)
            .param("t", tenant).param("kinds", stores.kinds()).param("batch", BATCH)
            .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("storage"),
                    rs.getString("storage_key")))
            .list());
        List<UUID> removed = new ArrayList<>();
        for (Pending file : pending) {
            try {
                stores.of(file.storage()).orElseThrow().delete(file.key());
                removed.add(file.id());
            }
            catch (StorageException ex) {
                log.warn("Could not remove the bytes of deleted file {}; trying again next run: {}", file.id(),
                        ex.getMessage());
            }
        }
        if (!removed.isEmpty()) {
            tx.run(tenant, status -> jdbc.sql("""
                    update stored_files set content_deleted_at = :now where tenant_id = :t and id in (:ids)
                    """).param("now", Timestamp.from(clock.instant())).param("t", tenant).param("ids", removed).update());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> deleteOrphanFilesTask(OrphanFileCleanup cleanup,
                @Value("${ambiosys.jobs.file-cleanup-interval:1h}") Duration interval) {
            return Tasks.recurring("files-delete-orphans", FixedDelay.of(interval))
                .execute((instance, context) -> cleanup.cleanUp());
        }
    }
}
