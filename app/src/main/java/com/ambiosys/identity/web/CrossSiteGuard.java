package com.ambiosys.identity.web;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;

import com.ambiosys.platform.web.ApiException;
import com.ambiosys.platform.web.WebProperties;

/**
 * Refuses requests another site's page made the browser send, for endpoints that act on a cookie
 * (refresh and logout). {@code SameSite=Strict} already keeps the cookie off them; this is the second
 * lock, for browsers or set-ups where it does not hold. A browser names the page's origin
 * ({@code Origin}, on every POST) or at least where the request comes from ({@code Sec-Fetch-Site}); the
 * origin must be this server's own, the public URL's or an allowed CORS origin. A request with neither
 * header comes from a script or {@code curl}, not from a page: it is let through.
 */
@Component
class CrossSiteGuard {

    private final Set<String> trustedOrigins = new HashSet<>();

    CrossSiteGuard(WebProperties web) {
        trustedOrigins.add(normalize(web.publicUrl()));
        web.corsOrigins().forEach(origin -> trustedOrigins.add(normalize(origin)));
        trustedOrigins.remove(null);
    }

    /** Throws a 403 problem {@code cross-site-request} unless the request comes from our own pages or no page. */
    void check(HttpServletRequest request) {
        if (!allowed(request)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "cross-site-request");
        }
    }

    private boolean allowed(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return trustedOrigins.contains(normalize(origin)) || sameOriginAsRequest(request);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private static boolean sameOriginAsRequest(HttpServletRequest request) {
        try {
            return !CorsUtils.isCorsRequest(request);
        }
        catch (RuntimeException malformed) {
            return false;
        }
    }

    /** {@code scheme://host:port} in lower case with the port spelled out; null when it is no origin. */
    static String normalize(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
