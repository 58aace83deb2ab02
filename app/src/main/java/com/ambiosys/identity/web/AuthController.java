package com.ambiosys.identity.web;

import jakarta.servlet.http.HttpServletRequest;
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

import com.ambiosys.identity.AuthenticationService;
import com.ambiosys.identity.ClientInfo;
import com.ambiosys.identity.IssuedTokens;
import com.ambiosys.identity.PasswordResets;
import com.ambiosys.platform.security.PublicEndpoint;

/** Login, token refresh, logout and password reset: the only API open without a token. */
@RestController
@PublicEndpoint
@RequestMapping("/api/v1/auth")
class AuthController {

    record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
            @Size(max = 63) String tenant) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email, @Size(max = 63) String tenant) {
    }

    record ResetConfirmation(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(min = 10, max = 128) String newPassword) {
    }

    private final AuthenticationService authentication;
    private final PasswordResets resets;

    AuthController(AuthenticationService authentication, PasswordResets resets) {
        this.authentication = authentication;
        this.resets = resets;
    }

    @PostMapping("/login")
    IssuedTokens login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return authentication.login(body.email(), body.password(), body.tenant(), client(request));
    }

    @PostMapping("/refresh")
    IssuedTokens refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        return authentication.refresh(body.refreshToken(), client(request));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        authentication.logout(body.refreshToken(), client(request));
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

    static ClientInfo client(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
