package com.ambiosys.audit.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import com.ambiosys.platform.logging.Redaction;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.web.RequestIdFilter;

/**
 * Records each authenticated API call: user, route template (never the raw path, which holds ids),
 * status, duration, and the query string with secrets redacted. Runs inside the security chain.
 */
class ApiUsageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("com.ambiosys.http");

    private final ApiUsageRecorder recorder;
    private final Clock clock;

    ApiUsageFilter(ApiUsageRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            int millis = (int) ((System.nanoTime() - start) / 1_000_000);
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern == null ? "(unmatched)" : pattern.toString();
            String query = Redaction.query(request.getQueryString());
            if (log.isDebugEnabled()) {
                log.debug("{} {}{} -> {} in {} ms", request.getMethod(), request.getRequestURI(),
                        query == null ? "" : "?" + query, response.getStatus(), millis);
            }
            CurrentUser user = CurrentUsers.current().orElse(null);
            if (user != null) {
                recorder.record(new ApiUsageRecorder.Usage(user.tenantId(), user.userId(), clock.instant(),
                        request.getMethod(), route, query, response.getStatus(), millis, RequestIdFilter.current()));
            }
        }
    }
}
