package com.ambiosys.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import com.ambiosys.files.FileProperties;

/**
 * Keeps files on local disk under the data directory, one path per storage key. Always present, so files
 * stored locally stay readable after switching new files to S3.
 */
@Component
public class LocalDiskStorage implements FileStorage {

    private final Path root;

    LocalDiskStorage(FileProperties properties) {
        this.root = properties.localDir().toAbsolutePath().normalize();
    }

    @Override
    public FileProperties.Storage kind() {
        return FileProperties.Storage.LOCAL;
    }

    @Override
    public String put(String key, Path source, long size, String sha256Hex, String mediaType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            try {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException copyFailure) {
                throw new StorageException("Could not store " + key + " under " + root, copyFailure);
            }
        }
        return key;
    }

    @Override
    public InputStream open(String storedKey) throws NoSuchFileException {
        try {
            return Files.newInputStream(resolve(storedKey));
        }
        catch (NoSuchFileException ex) {
            throw ex;
        }
        catch (IOException ex) {
            throw new StorageException("Could not read " + storedKey + " under " + root, ex);
        }
    }

    @Override
    public void delete(String storedKey) {
        try {
            Files.deleteIfExists(resolve(storedKey));
        }
        catch (IOException ex) {
            throw new StorageException("Could not delete " + storedKey + " under " + root, ex);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Storage key outside the storage root");
        }
        return path;
    }
}
