package com.ambiosys.platform.errors;

/** A remote service this use case relies on (WhatsApp's Graph API) answered with an error or not at all. */
public class UpstreamFailureException extends DomainException {

    public UpstreamFailureException(String code, Object... args) {
        super(code, args);
    }
}
