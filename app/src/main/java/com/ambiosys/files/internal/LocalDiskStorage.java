package com.ambiosys.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import com.ambiosys.files.FileProperties;

/** Keeps files on local disk under the data directory, one path per storage key. */
@Component
public class LocalDiskStorage {

    private final Path root;

    LocalDiskStorage(FileProperties properties) {
        this.root = properties.localDir().toAbsolutePath().normalize();
    }

    public void put(String key, Path source) {
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
                throw new UncheckedIOException("Could not store " + key, copyFailure);
            }
        }
    }

    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Storage key outside the storage root");
        }
        return path;
    }
}
