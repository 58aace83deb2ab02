package com.ambiosys.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.ambiosys.platform.errors.AuthenticationFailedException;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.DomainException;
import com.ambiosys.platform.errors.ForbiddenException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.errors.RateLimitedException;
import com.ambiosys.platform.errors.TemporarilyUnavailableException;
import com.ambiosys.platform.errors.TooLargeException;
import com.ambiosys.platform.errors.UnsupportedContentException;
import com.ambiosys.platform.errors.UpstreamFailureException;

/**
 * The HTTP status of each kind of domain failure: the one place where the services' exceptions meet HTTP. A
 * module's own subclass (a possible duplicate is a conflict) answers as the kind it extends.
 */
final class DomainStatuses {

    private static final Map<Class<? extends DomainException>, HttpStatus> STATUSES = Map.ofEntries(
            Map.entry(InvalidInputException.class, HttpStatus.BAD_REQUEST),
            Map.entry(AuthenticationFailedException.class, HttpStatus.UNAUTHORIZED),
            Map.entry(ForbiddenException.class, HttpStatus.FORBIDDEN),
            Map.entry(NotFoundException.class, HttpStatus.NOT_FOUND),
            Map.entry(ConflictException.class, HttpStatus.CONFLICT),
            Map.entry(TooLargeException.class, HttpStatus.PAYLOAD_TOO_LARGE),
            Map.entry(UnsupportedContentException.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry(RateLimitedException.class, HttpStatus.TOO_MANY_REQUESTS),
            Map.entry(UpstreamFailureException.class, HttpStatus.BAD_GATEWAY),
            Map.entry(TemporarilyUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE));

    private DomainStatuses() {
    }

    /** The status of the nearest kind the exception's class extends; 500 for a kind nobody mapped (a bug). */
    static HttpStatus of(Class<? extends DomainException> type) {
        for (Class<?> c = type; c != DomainException.class && c != null; c = c.getSuperclass()) {
            HttpStatus status = STATUSES.get(c);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
