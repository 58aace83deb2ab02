package com.ambiosys.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.security.StatelessSecurity;
import com.ambiosys.platform.web.ProblemWriter;
import com.ambiosys.platform.web.WebProperties;

/**
 * The API's security: stateless bearer tokens (ES256 JWT) checked against the live user on every
 * request, one permission per endpoint ({@code @RequiresPermission}), problems for 401 and 403, locked-down
 * CORS and security headers.
 */
@Configuration(proxyBeanMethods = false)

class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * No observation per security filter: it costs more than the rest of a request. Requests are still
     * measured as a whole ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's strict firewall, with the header value check written as a loop instead of its regular
     * expression: the same rule (assigned characters, no control characters), but the regex over a
     * 700-character bearer token cost a sixth of a request's CPU.
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall =
                new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderValues(SecurityConfiguration::isPrintable);
        firewall.setAllowedHeaderNames(SecurityConfiguration::isPrintable);
        return firewall;
    }

    static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII: the common case
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED) {
                return false;
            }
        }
        return true;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        }); // claims are validated by Spring's validators below
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER));
        return new CachingJwtDecoder(decoder, keys::isActive);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, PrincipalLoader principals,
            ProblemWriter problems,
            @org.springframework.beans.factory.annotation.Qualifier("corsConfigurationSource") CorsConfigurationSource corsSource)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            String code = ex instanceof DisabledException ? "account-inactive"
                    : request.getHeader("Authorization") != null ? "invalid-token" : "unauthorized";
            problems.write(request, response, HttpStatus.UNAUTHORIZED, code);
        };
        AccessDeniedHandler forbidden = (request, response, ex) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
        StatelessSecurity.apply(http) // bearer tokens in headers; the refresh cookie's endpoints check the origin
            .cors(c -> c.disable()) // the same checks, by the filter below, refusing with a problem
            .addFilterAfter(corsFilter(corsSource, problems), HeaderWriterFilter.class)
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()))
            .authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .requestMatchers("/api/v1/auth/**", "/api/v1/files/download/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .requestMatchers("/api/docs", "/api/docs/**", "/swagger-ui/**").permitAll()
                .requestMatchers("/api/**", "/actuator/**").authenticated()
                .anyRequest().permitAll()) // the web application's pages and files
            .oauth2ResourceServer(o -> o
                .bearerTokenResolver(new HeaderBearerTokenResolver())
                .jwt(j -> j.authenticationManager(bearerAuthentication(decoder, principals)))
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden))
            .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
            .addFilterAfter(new TenantContextFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Authenticates bearer tokens. A manager of its own, without the default event publisher: an
     * {@code AuthenticationSuccessEvent} per API request cost more CPU than the rest of the authentication,
     * and nothing listens to it (sign-ins are recorded by {@link AuthenticationService}).
     */
    private static AuthenticationManager bearerAuthentication(JwtDecoder decoder, PrincipalLoader principals) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter(principals));
        return new ProviderManager(provider);
    }

    private static Converter<Jwt, AbstractAuthenticationToken> converter(PrincipalLoader principals) {
        return jwt -> {
            UUID tenant;
            UUID user;
            try {
                tenant = UUID.fromString(jwt.getClaimAsString("tid"));
                user = UUID.fromString(jwt.getSubject());
            }
            catch (RuntimeException ex) {
                throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException("Malformed claims");
            }
            PrincipalLoader.Principal current = principals.principal(tenant, user)
                .orElseThrow(() -> new DisabledException("User or tenant is not active"));
            return new CurrentUserAuthentication(current.user(), jwt, current.authorities());
        };
    }

    private static CorsFilter corsFilter(CorsConfigurationSource source, ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept-Language", "X-Request-Id",
                "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /** Puts the authenticated user's tenant in the {@link TenantContext} and both ids in the log context. */
    static final class TenantContextFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CurrentUser user = CurrentUsers.current().orElse(null);
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            MDC.put("tenantId", user.tenantId().toString());
            MDC.put("userId", user.userId().toString());
            try (TenantContext.Scope scope = TenantContext.open(user.tenantId())) {
                chain.doFilter(request, response);
            }
            finally {
                MDC.remove("tenantId");
                MDC.remove("userId");
            }
        }
    }
}
