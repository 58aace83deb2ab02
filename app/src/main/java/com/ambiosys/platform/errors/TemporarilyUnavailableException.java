package com.ambiosys.platform.errors;

/** A resource of our own this use case needs (the file storage) cannot be used right now; retrying later may work. */
public class TemporarilyUnavailableException extends DomainException {

    public TemporarilyUnavailableException(String code, Object... args) {
        super(code, args);
    }
}
