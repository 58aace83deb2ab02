package com.ambiosys.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;

import com.ambiosys.platform.web.ProblemWriter;

/**
 * Spring's CORS checks, with a refused request (a page of an origin that is not allowed) answered by a 403
 * problem {@code cross-site-request} instead of Spring's plain-text "Invalid CORS request".
 */
final class ProblemCorsProcessor implements CorsProcessor {

    private final ProblemWriter problems;
    private final CorsProcessor checks = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // answered below, where the request (and so its language) is at hand
        }
    };

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean allowed = checks.processRequest(configuration, request, response);
        if (!allowed) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "cross-site-request");
        }
        return allowed;
    }
}
