package com.ambiosys.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure the web edge itself (a controller, a filter) reports as an RFC 9457 problem with the status it names.
 * {@code code} names the problem type ({@code urn:ambiosys:problem:<code>}) and the message keys
 * {@code problem.<code>.title} and {@code problem.<code>.detail} (with {@code args}) give its text in the caller's
 * language. Services do not throw it: they throw a {@link com.ambiosys.platform.errors.DomainException}, which
 * {@link ProblemDetailsAdvice} maps to its status ({@code HttpAtTheEdgeTest} keeps it so).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public ApiException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, args);
    }
}
