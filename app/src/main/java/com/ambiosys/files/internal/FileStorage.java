package com.ambiosys.files.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import com.ambiosys.files.FileProperties;
import com.ambiosys.files.StoredFile;

/** Where the bytes of stored files live. Metadata stays in PostgreSQL; a storage only knows keys. */
public interface FileStorage {

    /** The value of {@code stored_files.storage} for files kept here. */
    FileProperties.Storage kind();

    /**
     * Keeps the bytes of {@code source} under {@code key} (the source may be moved away). Answers the key to
     * remember, which is what {@link #open} and {@link #delete} take (a storage may add a prefix).
     *
     * @throws StorageException when the storage cannot take the bytes
     */
    String put(String key, Path source, long size, String sha256Hex, String mediaType);

    /**
     * The bytes under a key, to be closed by the caller.
     *
     * @throws NoSuchFileException when nothing is stored under the key
     * @throws StorageException when the storage cannot be read
     */
    InputStream open(String storedKey) throws NoSuchFileException;

    /** Removes the bytes under a key; nothing stored there is no error. */
    void delete(String storedKey);

    /**
     * A link that downloads the file straight from the storage until {@code expiresAt}, when the storage
     * offers one for this file; empty means the application's own signed link serves it.
     */
    default Optional<URI> directLink(String storedKey, StoredFile file, Instant expiresAt) {
        return Optional.empty();
    }
}
