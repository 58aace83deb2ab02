package com.ambiosys.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.files.internal.DownloadLinks;
import com.ambiosys.files.internal.LocalDiskStorage;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.web.ApiException;

/** The files module's public service: store, describe, link, delete. */
@Service
public class FileManagement {

    /** A signed link and when it stops working. */
    public record DownloadLink(String url, Instant expiresAt) {
    }

    /** What a download needs: the metadata and the bytes. */
    public record Download(StoredFile file, InputStream content) {
    }

    private static final Tika TIKA = new Tika();

    private final JdbcClient jdbc;
    private final LocalDiskStorage storage;
    private final DownloadLinks links;
    private final AuditTrail audit;
    private final FileProperties properties;
    private final Clock clock;
    private final TenantTransactions tx;

    FileManagement(JdbcClient jdbc, LocalDiskStorage storage, DownloadLinks links, AuditTrail audit,
            FileProperties properties, Clock clock, TenantTransactions tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.storage = storage;
        this.links = links;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the bytes for an owner entity. The media type is detected from the content (the name only
     * breaks ties between formats that share a container, such as the Office formats in ZIP).
     */
    @Transactional
    public StoredFile store(String ownerType, String ownerId, String name, InputStream content) {
        UUID tenant = TenantContext.require();
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
                throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-not-allowed", mediaType);
            }
            UUID id = Ids.next();
            Instant now = clock.instant();
            String key = tenant + "/" + now.atZone(ZoneOffset.UTC).getYear() + "/" + id;
            storage.put(key, temp);
            UUID actor = CurrentUsers.current().map(u -> u.userId()).orElse(null);
            jdbc.sql("""
                    insert into stored_files (tenant_id, id, owner_type, owner_id, name, media_type, size_bytes, sha256,
                                              storage, storage_key, status, created_at, created_by)
                    values (:t, :id, :ownerType, :ownerId, :name, :type, :size, :sha, 'LOCAL', :key, 'ACTIVE', :at, :by)
                    """)
                .param("t", tenant).param("id", id).param("ownerType", ownerType).param("ownerId", ownerId)
                .param("name", name).param("type", mediaType).param("size", size)
                .param("sha", HexFormat.of().formatHex(sha.digest())).param("key", key)
                .param("at", Timestamp.from(now)).param("by", actor)
                .update();
            StoredFile stored = get(id);
            audit.record(AuditAction.CREATE, "file", id, null, stored);
            return stored;
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

    @Transactional(readOnly = true)
    public StoredFile get(UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id and status = 'ACTIVE'")
            .param("t", TenantContext.require()).param("id", id)
            .query(FileManagement::map).optional()
            .orElseThrow(() -> ApiException.notFound("file"));
    }

    @Transactional(readOnly = true)
    public List<StoredFile> ofOwner(String ownerType, String ownerId) {
        return jdbc.sql(SELECT + """
                 where tenant_id = :t and owner_type = :ownerType and owner_id = :ownerId and status = 'ACTIVE'
                 order by created_at desc limit 500
                """)
            .param("t", TenantContext.require()).param("ownerType", ownerType).param("ownerId", ownerId)
            .query(FileManagement::map).list();
    }

    /** A link that downloads the file without signing in, for a few minutes. */
    @Transactional(readOnly = true)
    public DownloadLink link(UUID id) {
        StoredFile file = get(id);
        Instant expiresAt = clock.instant().plus(properties.linkTtl());
        return new DownloadLink("/api/v1/files/download/" + links.sign(TenantContext.require(), file.id(), expiresAt),
                expiresAt);
    }

    /** The file a signed link names; empty when the link is forged, expired or the file is gone. */
    public java.util.Optional<Download> open(String token) {
        return links.verify(token, clock.instant()).flatMap(target -> tx.read(target.tenantId(), status -> {
                    try {
                        StoredFile file = get(target.fileId());
                        String key = jdbc.sql("select storage_key from stored_files where tenant_id = :t and id = :id")
                            .param("t", target.tenantId()).param("id", target.fileId()).query(String.class).single();
                        return java.util.Optional.of(new Download(file, storage.open(key)));
                    }
                    catch (ApiException | IOException ex) {
                        return java.util.Optional.<Download>empty();
                    }
                }));
    }

    /** Marks the file deleted (its row stays, for the audit trail). */
    @Transactional
    public void delete(UUID id) {
        StoredFile file = get(id);
        jdbc.sql("update stored_files set status = 'DELETED', deleted_at = :now where tenant_id = :t and id = :id")
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id).update();
        audit.record(AuditAction.DELETE, "file", id, file, Map.of());
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
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", limit / (1024 * 1024));
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
