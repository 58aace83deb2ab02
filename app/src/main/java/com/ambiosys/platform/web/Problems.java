package com.ambiosys.platform.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds problem details with a stable type and texts in the request's language. */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:ambiosys:problem:";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail create(HttpStatusCode status, String code, Object... args) {
        return create(status, code, LocaleContextHolder.getLocale(), args);
    }

    public ProblemDetail create(HttpStatusCode status, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
        String detail = messages.getMessage("problem." + code + ".detail", args, null, locale);
        if (detail != null) {
            problem.setDetail(detail);
        }
        return problem;
    }

    /** The answer to a request body read past its limit (413), wherever that surfaces: built here alone. */
    public ProblemDetail tooLarge(long maxBytes, Locale locale) {
        return create(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", locale, maxBytes);
    }

    /** {@link #tooLarge(long, Locale)} in the request's language. */
    public ProblemDetail tooLarge(long maxBytes) {
        return tooLarge(maxBytes, LocaleContextHolder.getLocale());
    }

    /**
     * The problem code for an error known only by its status (a framework exception, the container's error page,
     * a request Tomcat refused): one mapping for every place that answers such errors.
     */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found-route";
            case 405 -> "method-not-allowed";
            case 413 -> "upload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
