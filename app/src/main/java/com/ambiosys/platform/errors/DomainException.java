package com.ambiosys.platform.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A use case refused or failed for a reason the caller should be told. {@code code} names the problem
 * ({@code urn:ambiosys:problem:<code>}) and, with {@code args}, its text in the caller's language (message keys
 * {@code problem.<code>.title} and {@code problem.<code>.detail}). The subclass says what kind of failure it is;
 * the web layer turns the kind into an HTTP status, so services never name one.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] args;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    protected DomainException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra members of the problem (for example the possible duplicates of a new record). */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Adds a member to the problem; for {@code throw new ConflictException(...).with("allowed", moves)}. */
    public final DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
