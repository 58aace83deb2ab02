package com.ambiosys.platform.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web application (built by Vite into {@code static/}) at the same address as the API:
 * a deep link such as {@code /admin/users} loads {@code index.html} and the browser's router takes over.
 * Hashed assets are cached for a year; {@code index.html} never.
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
            .addResourceLocations("classpath:/static/assets/")
            .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
    }

    @Bean
    FilterRegistrationBean<SpaFallbackFilter> spaFallbackFilter() {
        FilterRegistrationBean<SpaFallbackFilter> bean = new FilterRegistrationBean<>(
                new SpaFallbackFilter(new ClassPathResource("static/index.html").exists()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return bean;
    }

    static final class SpaFallbackFilter extends OncePerRequestFilter {
        private final boolean present;

        SpaFallbackFilter(boolean present) {
            this.present = present;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (present && isPageRoute(request)) {
                request.getRequestDispatcher("/index.html").forward(request, response);
                return;
            }
            chain.doFilter(request, response);
        }

        static boolean isPageRoute(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod())) {
                return false;
            }
            String path = request.getRequestURI();
            if (path.equals("/") || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                    || path.startsWith("/assets/") || path.startsWith("/swagger-ui") || path.startsWith("/v3/")
                    || path.startsWith("/webhooks/")
                    // the WhatsApp simulator's copy of Meta's Graph API (media lookups are GETs from the platform)
                    || path.startsWith("/simulator/graph/") || path.startsWith("/simulator/media/")
                    || path.equals("/error") || path.equals("/index.html")) {
                return false;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !last.contains("."); // files (favicon.ico, robots.txt) are not pages
        }
    }
}
