package com.ambiosys.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.files.internal.DownloadLinks;
import com.ambiosys.files.internal.FileStorage;
import com.ambiosys.files.internal.FileStores;
import com.ambiosys.files.internal.StorageException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.errors.TemporarilyUnavailableException;
import com.ambiosys.platform.errors.TooLargeException;
import com.ambiosys.platform.errors.UnsupportedContentException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;

/**
 * The files module's public service: store, describe, link, attach, delete. An upload stays an orphan until
 * the module whose entity uses it calls {@link #attach}; orphans are deleted after
 * {@code ambiosys.files.orphan-ttl}.
 */
@Service
public class FileManagement {

    /** A signed link and when it stops working. */
    public record DownloadLink(String url, Instant expiresAt) {
    }

    /** What a download needs: the metadata and the bytes. */
    public record Download(StoredFile file, InputStream content) {
    }

    private static final Logger log = LoggerFactory.getLogger(FileManagement.class);
    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;
    private final FileStores stores;
    private final DownloadLinks links;
    private final AuditTrail audit;
    private final FileProperties properties;
    private final Clock clock;
    private final TenantTransactions tx;
    private final FileVisibility visibility;

    FileManagement(JdbcClient jdbc, FileStores stores, DownloadLinks links, AuditTrail audit,
            FileProperties properties, Clock clock, TenantTransactions tx, FileVisibility visibility) {
        this.tx = tx;
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.stores = stores;
        this.links = links;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the bytes for an owner entity. The media type is detected from the content (the name only
     * breaks ties between formats that share a container, such as the Office formats in ZIP). The bytes are
     * written first and the row second, outside any transaction of the upload itself, so no database
     * connection waits on the storage; when the row's transaction rolls back the bytes are removed again.
     * The file is an orphan until {@link #attach}ed. An owner the current user may not see answers 404, as if
     * it did not exist: a file cannot be slipped in among another's records.
     */
    public StoredFile store(OwnerType ownerType, String ownerId, String name, InputStream content) {
        UUID tenant = TenantContext.require();
        if (ownerId != null && !tx.read(tenant, status -> visibility.canSeeOwner(ownerType, ownerId))) {
            throw new NotFoundException("file-owner");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("ambiosys-upload", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyWithLimit(content, out, properties.maxSize().toBytes());
            }
            String mediaType;
            try (InputStream in = Files.newInputStream(temp)) {
                mediaType = TIKA.detect(in, name);
            }
            if (!properties.allowedTypes().contains(mediaType)) {
                throw new UnsupportedContentException("file-type-not-allowed", mediaType);
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            UUID id = Ids.next();
            Instant now = clock.instant();
            FileStorage storage = stores.active();
            String storedKey = put(storage, tenant + "/" + now.atZone(ZoneOffset.UTC).getYear() + "/" + id, temp, size,
                    sha256, mediaType);
            long bytes = size;
            return tx.call(tenant, status -> {
                removeOnRollback(storage, storedKey);
                UUID actor = CurrentUsers.current().map(u -> u.userId()).orElse(null);
                jdbc.sql("""
                        insert into stored_files (tenant_id, id, owner_type, owner_id, name, media_type, size_bytes, sha256,
                                                  storage, storage_key, status, created_at, created_by)
                        values (:t, :id, :ownerType, :ownerId, :name, :type, :size, :sha, :storage, :key, 'ACTIVE', :at, :by)
                        """)
                    .param("t", tenant).param("id", id).param("ownerType", ownerType.name()).param("ownerId", ownerId)
                    .param("name", name).param("type", mediaType).param("size", bytes)
                    .param("sha", sha256).param("storage", storage.kind().name()).param("key", storedKey)
                    .param("at", Timestamp.from(now)).param("by", actor)
                    .update();
                StoredFile stored = find(id).orElseThrow();
                audit.record(AuditAction.CREATE, "file", id, null, stored);
                return stored;
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not store the upload", ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            deleteQuietly(temp);
        }
    }

    /** Writes the bytes to the storage; a storage that cannot be reached answers 503. */
    private static String put(FileStorage storage, String key, Path temp, long size, String sha256, String mediaType) {
        try {
            return storage.put(key, temp, size, sha256, mediaType);
        }
        catch (StorageException ex) {
            log.error("Could not store an upload: {}", ex.getMessage());
            throw new TemporarilyUnavailableException("file-storage-unavailable");
        }
    }

    /**
     * Links a file to the entity that uses it (a customer's document, a message's media). Attached files are
     * listed with their owner and never cleaned up as orphans. Attaching again moves the file to the new
     * owner. An unknown or deleted file, or one the current user may not see, answers 404: nobody moves a file
     * they cannot see to a record of theirs. The caller answers for the user seeing the new owner.
     */
    @Transactional
    public StoredFile attach(UUID fileId, OwnerType ownerType, String ownerId) {
        StoredFile before = get(fileId);
        jdbc.sql("""
                update stored_files set owner_type = :ownerType, owner_id = :ownerId, attached_at = coalesce(attached_at, :now)
                 where tenant_id = :t and id = :id and status = 'ACTIVE'
                """)
            .param("ownerType", ownerType.name()).param("ownerId", ownerId).param("now", Timestamp.from(clock.instant()))
            .param("t", TenantContext.require()).param("id", fileId).update();
        StoredFile after = find(fileId).orElseThrow();
        audit.record(AuditAction.UPDATE, "file", fileId, before, after);
        return after;
    }

    /**
     * The file, if the current user may see the record it belongs to (see {@link FileOwnerAccess}); one that is
     * unknown, deleted or hidden from them answers 404 alike, so an id is never confirmed.
     */
    @Transactional(readOnly = true)
    public StoredFile get(UUID id) {
        return find(id).filter(visibility::canSee).orElseThrow(() -> new NotFoundException("file"));
    }

    private java.util.Optional<StoredFile> find(UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id and status = 'ACTIVE'")
            .param("t", TenantContext.require()).param("id", id)
            .query(FileManagement::map).optional();
    }

    /** The files of a record the current user may see; a record hidden from them answers 404. */
    @Transactional(readOnly = true)
    public List<StoredFile> ofOwner(OwnerType ownerType, String ownerId) {
        if (!visibility.canSeeOwner(ownerType, ownerId)) {
            throw new NotFoundException("file-owner");
        }
        return jdbc.sql(SELECT + """
                 where tenant_id = :t and owner_type = :ownerType and owner_id = :ownerId and status = 'ACTIVE'
                 order by created_at desc limit 500
                """)
            .param("t", TenantContext.require()).param("ownerType", ownerType.name()).param("ownerId", ownerId)
            .query(FileManagement::map).list();
    }

    /**
     * A link that downloads the file without signing in, for a few minutes; only for a file the user may see.
     * A large file in S3 gets a presigned link to the bucket, the others the application's own signed link.
     */
    @Transactional(readOnly = true)
    public DownloadLink link(UUID id) {
        StoredFile file = get(id);
        UUID tenant = TenantContext.require();
        Instant expiresAt = clock.instant().plus(properties.linkTtl());
        Location location = location(tenant, id);
        String url = stores.of(location.storage()).flatMap(s -> s.directLink(location.key(), file, expiresAt))
            .map(java.net.URI::toString)
            .orElseGet(() -> "/api/v1/files/download/" + links.sign(tenant, file.id(), expiresAt));
        return new DownloadLink(url, expiresAt);
    }

    /**
     * The file a signed link names; empty when the link is forged, expired or the file is gone. A storage
     * that cannot be read answers 503.
     */
    public java.util.Optional<Download> open(String token) {
        return links.verify(token, clock.instant()).flatMap(target -> tx.read(target.tenantId(), status -> {
                    // the link was signed for a user who could see the file; whoever holds it now is not asked
                    return find(target.fileId()).map(file -> new Located(file, location(target.tenantId(), file.id())));
                })).flatMap(this::read);
    }

    /**
     * The bytes of a file of the current tenant, for a module that passes them on (the inbox sending a photo
     * to WhatsApp). An unknown or deleted file, one the current user may not see, or bytes gone from the storage,
     * answer 404.
     */
    public Download content(UUID id) {
        UUID tenant = TenantContext.require();
        Located located = tx.read(tenant, status -> new Located(get(id), location(tenant, id)));
        return read(located).orElseThrow(() -> new NotFoundException("file"));
    }

    private record Located(StoredFile file, Location location) {
    }

    private record Location(String storage, String key) {
    }

    private Location location(UUID tenant, UUID id) {
        return jdbc.sql("select storage, storage_key from stored_files where tenant_id = :t and id = :id")
            .param("t", tenant).param("id", id)
            .query((rs, n) -> new Location(rs.getString("storage"), rs.getString("storage_key"))).single();
    }

    private java.util.Optional<Download> read(Located located) {
        FileStorage storage = stores.of(located.location().storage()).orElseThrow(() -> {
            log.error("File {} is kept in {} storage, which this instance is not configured for",
                    located.file().id(), located.location().storage());
            return new TemporarilyUnavailableException("file-storage-unavailable");
        });
        try {
            return java.util.Optional.of(new Download(located.file(), storage.open(located.location().key())));
        }
        catch (NoSuchFileException ex) {
            log.error("The bytes of file {} are missing from {} storage: {}", located.file().id(),
                    located.location().storage(), ex.getMessage());
            return java.util.Optional.empty();
        }
        catch (StorageException ex) {
            log.error("Could not read file {}: {}", located.file().id(), ex.getMessage());
            throw new TemporarilyUnavailableException("file-storage-unavailable");
        }
    }

    /**
     * Marks the file deleted (its row stays, for the audit trail) and removes its bytes once that is
     * committed. Bytes that could not be removed then are removed by the orphan cleanup job.
     */
    @Transactional
    public void delete(UUID id) {
        StoredFile file = get(id);
        Location location = location(TenantContext.require(), id);
        removeAfterCommit(location);
        jdbc.sql("update stored_files set status = 'DELETED', deleted_at = :now where tenant_id = :t and id = :id")
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id).update();
        audit.record(AuditAction.DELETE, "file", id, file, Map.of());
    }

    private void removeAfterCommit(Location location) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                stores.of(location.storage()).ifPresent(storage -> removeQuietly(storage, location.key()));
            }
        });
    }

    private static void removeOnRollback(FileStorage storage, String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    removeQuietly(storage, key);
                }
            }
        });
    }

    private static void removeQuietly(FileStorage storage, String key) {
        try {
            storage.delete(key);
        }
        catch (RuntimeException ex) {
            log.warn("Could not remove {} from {} storage (the cleanup job tries again for deleted files): {}", key,
                    storage.kind(), ex.getMessage());
        }
    }

    private static final String SELECT = """
            select id, owner_type, owner_id, name, media_type, size_bytes, sha256, created_at, created_by from stored_files
            """;

    private static StoredFile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getString("owner_type"), rs.getString("owner_id"),
                rs.getString("name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("created_by", UUID.class));
    }

    private static long copyWithLimit(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new TooLargeException("file-too-large", limit / (1024 * 1024));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException ex) {
                // a temporary file: the OS cleans its temp directory
            }
        }
    }
}
