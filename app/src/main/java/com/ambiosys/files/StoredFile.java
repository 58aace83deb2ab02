package com.ambiosys.files;

import java.time.Instant;
import java.util.UUID;

/** A stored file's metadata. */
public record StoredFile(UUID id, String ownerType, String ownerId, String name, String mediaType, long sizeBytes,
        String sha256, Instant createdAt, UUID createdBy) {
}
