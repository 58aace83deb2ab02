package com.ambiosys.platform.errors;

/** The caller is known but may not do this (a permission they do not hold, an approval that is not theirs). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, Object... args) {
        super(code, args);
    }
}
