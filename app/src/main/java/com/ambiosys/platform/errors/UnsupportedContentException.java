package com.ambiosys.platform.errors;

/** The content is of a kind this use case does not take (a file type not allowed). */
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String code, Object... args) {
        super(code, args);
    }
}
