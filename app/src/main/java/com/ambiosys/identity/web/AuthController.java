package com.ambiosys.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.identity.internal.AuthenticationService;
import com.ambiosys.identity.internal.ClientInfo;
import com.ambiosys.identity.internal.IssuedTokens;
import com.ambiosys.identity.internal.PasswordResets;
import com.ambiosys.platform.security.PublicEndpoint;

/** Login, token refresh, logout and password reset: the only API open without a token. */
@RestController
@PublicEndpoint
@RequestMapping("/api/v1/auth")
class AuthController {

    record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
            @Size(max = 63) String tenant) {
    }

    /** A script's way to send the refresh token; browsers send it in its cookie and no body. */
    record RefreshRequest(@Size(max = 200) String refreshToken) {
    }

    /**
     * What login and refresh answer: the access token. The refresh token is not here but in the
     * {@code HttpOnly} cookie, where no script of the page can read it.
     */
    record SessionTokens(String accessToken, String tokenType, long expiresIn, long refreshExpiresIn) {
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email, @Size(max = 63) String tenant) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(min = 10, max = 128) String newPassword) {
    }

    private final AuthenticationService authentication;
    private final PasswordResets resets;
    private final CrossSiteGuard crossSite;

    AuthController(AuthenticationService authentication, PasswordResets resets, CrossSiteGuard crossSite) {
        this.authentication = authentication;
        this.resets = resets;
        this.crossSite = crossSite;
    }

    @PostMapping("/login")
    SessionTokens login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        return handOut(authentication.login(body.email(), body.password(), body.tenant(), client(request)), response);
    }

    /** Takes the refresh token from its cookie (browsers) or, failing that, from the body (scripts). */
    @PostMapping("/refresh")
    SessionTokens refresh(@Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        crossSite.check(request);
        return handOut(authentication.refresh(refreshToken(body, request), client(request)), response);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        crossSite.check(request);
        String token = refreshToken(body, request);
        RefreshCookie.clear(response);
        if (token != null) {
            authentication.logout(token, client(request));
        }
    }

    /** Always 202, whether or not the email belongs to anyone. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        resets.request(body.email(), body.tenant(), client(request));
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@Valid @RequestBody ResetConfirmation body, HttpServletRequest request) {
        resets.confirm(body.token(), body.newPassword(), client(request));
    }

    private static SessionTokens handOut(IssuedTokens tokens, HttpServletResponse response) {
        RefreshCookie.set(response, tokens.refreshToken(), tokens.refreshExpiresIn());
        return new SessionTokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), tokens.refreshExpiresIn());
    }

    private static String refreshToken(RefreshRequest body, HttpServletRequest request) {
        String fromCookie = RefreshCookie.read(request);
        if (fromCookie != null) {
            return fromCookie;
        }
        return body == null || body.refreshToken() == null || body.refreshToken().isBlank() ? null : body.refreshToken();
    }

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
