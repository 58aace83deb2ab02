package com.ambiosys.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.ambiosys.platform.web.ProblemWriter;

/**
 * The operations endpoints (Prometheus metrics, the OpenAPI document and its UI) tell an attacker what runs
 * and how busy it is. Open on a first run with the embedded database; otherwise ({@code ambiosys.ops.public}
 * false, the default with {@code AMBIOSYS_DB_URL}) they answer only to {@code Authorization: Bearer
 * <AMBIOSYS_OPS_TOKEN>}, or to nobody when no token is set. A management port
 * ({@code MANAGEMENT_SERVER_PORT}) is the other way; see docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    static final String[] PATHS = { "/actuator/prometheus", "/api/docs", "/api/docs/**", "/swagger-ui/**",
        "/swagger-ui.html" };

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain operationsEndpoints(HttpSecurity http, ProblemWriter problems,
            @Value("${ambiosys.ops.public:false}") boolean open, @Value("${ambiosys.ops.token:}") String token)
            throws Exception {
        StatelessSecurity.apply(http.securityMatcher(PATHS))
            .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        if (!open) {
            http.addFilterAfter(new OpsTokenFilter(token, problems), HeaderWriterFilter.class);
        }
        return http.build();
    }

    /** Lets through only the operations token, compared in constant time. */
    static final class OpsTokenFilter extends OncePerRequestFilter {
        private final byte[] expected;
        private final ProblemWriter problems;

        OpsTokenFilter(String token, ProblemWriter problems) {
            this.expected = token == null || token.isBlank() ? null : ("Bearer " + token.trim()).getBytes(StandardCharsets.UTF_8);
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader("Authorization");
            if (expected != null && given != null
                    && MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8), expected)) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "ops-token-required");
        }
    }
}
