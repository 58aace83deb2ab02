package com.ambiosys.platform.errors;

/** The content is over the size this use case takes (an upload past its limit). */
public class TooLargeException extends DomainException {

    public TooLargeException(String code, Object... args) {
        super(code, args);
    }
}
