package com.ambiosys.files.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.ambiosys.files.FileProperties;

/**
 * The storages this instance can reach: local disk always (files stored before a switch to S3 stay
 * readable), S3 when {@code ambiosys.files.storage=s3}, which then takes every new file.
 */
@Component
public class FileStores {

    private static final Logger log = LoggerFactory.getLogger(FileStores.class);

    private final LocalDiskStorage local;
    private final S3Storage s3;
    private final FileStorage active;

    FileStores(FileProperties properties, LocalDiskStorage local, Clock clock) {
        this.local = local;
        this.s3 = properties.storage() == FileProperties.Storage.S3 ? new S3Storage(properties.s3(), clock) : null;
        this.active = s3 != null ? s3 : local;
    }

    /** Where new files go. */
    public FileStorage active() {
        return active;
    }

    /** The storage of a file stored as {@code kind}; empty when this instance is not configured for it. */
    public Optional<FileStorage> of(String kind) {
        if (FileProperties.Storage.LOCAL.name().equals(kind)) {
            return Optional.of(local);
        }
        return FileProperties.Storage.S3.name().equals(kind) ? Optional.ofNullable(s3) : Optional.empty();
    }

    /** The {@code stored_files.storage} values this instance can read and delete. */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of(FileProperties.Storage.LOCAL.name()));
        if (s3 != null) {
            kinds.add(FileProperties.Storage.S3.name());
        }
        return kinds;
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    /**
     * A start-up look at the bucket. Only a warning on failure: the service may be down for a moment, and
     * some credentials may write objects without being allowed to HEAD the bucket.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkBucket() {
        if (s3 != null) {
            try {
                s3.checkBucket();
                log.info("Files are stored in S3 at {}", s3.describe());
            }
            catch (StorageException ex) {
                log.warn("The S3 bucket for files is not reachable now; uploads fail until it is: {}", ex.getMessage());
            }
        }
    }
}
