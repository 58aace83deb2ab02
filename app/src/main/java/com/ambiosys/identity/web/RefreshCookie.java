package com.ambiosys.identity.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The refresh token travels in an {@code HttpOnly} cookie, out of reach of the page's scripts. The cookie
 * is sent only to the two endpoints that take it: one cookie per path, since a cookie has a single path and
 * {@code /api/v1/auth} would also send it with every login and password reset. {@code Secure} always:
 * browsers accept it from {@code http://localhost} too. {@code SameSite=Strict}: no other site's page
 * makes the browser send it.
 */
final class RefreshCookie {

    static final String NAME = "ambiosys_refresh";
    static final List<String> PATHS = List.of("/api/v1/auth/refresh", "/api/v1/auth/logout");

    private RefreshCookie() {
    }

    /** Hands the browser a refresh token that works {@code maxAgeSeconds}. */
    static void set(HttpServletResponse response, String token, long maxAgeSeconds) {
        for (String path : PATHS) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, path, maxAgeSeconds));
        }
    }

    /** Makes the browser forget the refresh token. */
    static void clear(HttpServletResponse response) {
        for (String path : PATHS) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie("", path, 0));
        }
    }

    /** The refresh token the request carries in its cookie, or null. */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String cookie(String value, String path, long maxAgeSeconds) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Strict").path(path)
            .maxAge(maxAgeSeconds).build().toString();
    }
}
