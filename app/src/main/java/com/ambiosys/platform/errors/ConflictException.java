package com.ambiosys.platform.errors;

/**
 * The input is well formed but the current state refuses it: a name already taken, a record closed or in use,
 * a move its workflow does not allow, a change made by someone else meanwhile.
 */
public class ConflictException extends DomainException {

    public ConflictException(String code, Object... args) {
        super(code, args);
    }
}
