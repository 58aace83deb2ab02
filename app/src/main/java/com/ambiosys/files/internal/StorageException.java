package com.ambiosys.files.internal;

/** The storage failed (unreachable, refused, answered an error): the operation may succeed later. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
