package com.ambiosys.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.identity.internal.Language;
import com.ambiosys.identity.internal.Profiles;
import com.ambiosys.platform.security.RequiresPermission;

/** The signed-in user's own account: profile, password, sessions. Any user, on themselves only. */
@RestController
@RequestMapping("/api/v1/me")
class ProfileController {

    record ProfileRequest(@NotBlank @Size(max = 120) String fullName, @Size(max = 30) String phone,
            @NotNull Language language) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(min = 10, max = 128) String newPassword) {
    }

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/profile")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    Profiles.Profile profile() {
        return profiles.get();
    }

    @PutMapping("/profile")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    Profiles.Profile update(@Valid @RequestBody ProfileRequest body) {
        return profiles.update(new Profiles.ProfileChanges(body.fullName(), body.phone(), body.language()));
    }

    @PutMapping("/password")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        profiles.changePassword(body.currentPassword(), body.newPassword(), request.getRemoteAddr());
    }

    @GetMapping("/sessions")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    List<Profiles.Session> sessions() {
        return profiles.sessions();
    }

    @DeleteMapping("/sessions/{id}")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSession(@PathVariable UUID id) {
        profiles.endSession(id);
    }
}
