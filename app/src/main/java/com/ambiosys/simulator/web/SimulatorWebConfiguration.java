package com.ambiosys.simulator.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

import com.ambiosys.platform.security.StatelessSecurity;
import com.ambiosys.platform.web.ProblemWriter;

/**
 * The simulator's place in the web stack. Its Graph endpoints carry the channel's access token as
 * {@code Authorization: Bearer}, which is Meta's token and not ours: they get a security chain of their own
 * that does not read it as the platform's (the endpoint checks it). When the simulator is off, nothing
 * under {@code /simulator} or {@code /api/v1/simulator} answers but 404, the page included.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorWebConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain simulatorGraphSecurity(HttpSecurity http) throws Exception {
        StatelessSecurity.apply(http.securityMatcher("/simulator/graph/**", "/simulator/media/**"))
            .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<SimulatorOffFilter> simulatorOffFilter(
            @Value("${ambiosys.simulator.enabled:false}") boolean enabled, ProblemWriter problems) {
        FilterRegistrationBean<SimulatorOffFilter> bean = new FilterRegistrationBean<>(new SimulatorOffFilter(problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // before the web application's page fallback and security
        bean.setEnabled(!enabled);
        return bean;
    }

    static final class SimulatorOffFilter extends OncePerRequestFilter {
        private final ProblemWriter problems;

        SimulatorOffFilter(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return !(path.equals("/simulator") || path.startsWith("/simulator/") || path.equals("/api/v1/simulator")
                    || path.startsWith("/api/v1/simulator/"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            problems.write(request, response, HttpStatus.NOT_FOUND, "not-found-route");
        }
    }
}
