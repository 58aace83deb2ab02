package com.ambiosys.platform.errors;

/**
 * The input breaks a rule: a value out of its range, an unknown reference, fields that do not go together.
 * Sending the same input again fails again.
 */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String code, Object... args) {
        super(code, args);
    }
}
