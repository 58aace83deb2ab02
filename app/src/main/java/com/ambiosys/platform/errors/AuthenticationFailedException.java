package com.ambiosys.platform.errors;

/** Who the caller is could not be established: wrong credentials, a token that is invalid, expired or reused. */
public class AuthenticationFailedException extends DomainException {

    public AuthenticationFailedException(String code, Object... args) {
        super(code, args);
    }
}
