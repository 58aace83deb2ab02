package com.ambiosys.platform.errors;

/** Too many attempts for now; the caller may try again after {@code retryAfterSeconds} (the first message argument). */
public class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(String code, long retryAfterSeconds) {
        super(code, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
