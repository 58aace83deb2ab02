package com.ambiosys.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id (the caller's {@code X-Request-Id} when well-formed) for logs, audit and replies. */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        begin(request, response);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * Labels the request with its id: the log context (remove {@link #MDC_KEY} from the MDC when the request ends),
     * a request attribute and the {@code X-Request-Id} answer header. For filters that answer before this one.
     */
    public static String begin(HttpServletRequest request, HttpServletResponse response) {
        String id = idFor(request.getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        request.setAttribute(MDC_KEY, id);
        response.setHeader(HEADER, id);
        return id;
    }

    /** The caller's request id when well-formed, otherwise a new one. */
    public static String idFor(String header) {
        return header != null && VALID.matcher(header).matches() ? header : newId();
    }

    /** A random id in UUID form; not from SecureRandom (a request id is a label, not a secret). */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
            .toString();
    }

    /** The id of the request this thread serves, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
