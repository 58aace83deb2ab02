package com.ambiosys.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import com.ambiosys.platform.security.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.identity.internal.Invitations;
import com.ambiosys.identity.internal.Language;
import com.ambiosys.identity.internal.UserCommands;
import com.ambiosys.identity.internal.UserManagement;
import com.ambiosys.identity.internal.UserStatus;
import com.ambiosys.identity.internal.UserSummary;
import com.ambiosys.identity.internal.UserView;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;
import com.ambiosys.platform.web.TimeZoneId;

/** Administration of the tenant's users. */
@RestController
@RequestMapping("/api/v1/users")
class UserAdminController {

    record CreateUserRequest(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String fullName, @Size(max = 30) String phone,
            @NotNull Language language, @NotBlank @TimeZoneId String timeZone,
            @Size(min = 10, max = 128) String password, @Size(max = 20) List<@NotNull UUID> roleIds) {
    }

    record UpdateUserRequest(@NotBlank @Size(max = 120) String fullName, @Size(max = 30) String phone,
            @NotNull Language language, @NotBlank @TimeZoneId String timeZone,
            UserStatus status) {
    }

    record RolesRequest(@NotNull @Size(max = 20) List<@NotNull UUID> roleIds) {
    }

    record OverridesRequest(@Size(max = 200) Set<@NotBlank String> grants,
            @Size(max = 200) Set<@NotBlank String> revocations) {
    }

    private final UserManagement users;
    private final Invitations invitations;

    UserAdminController(UserManagement users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
    }

    /** Paging, sorting ({@code sort=fullName}, {@code sort=-createdAt}) and filters by text, status and role. */
    @GetMapping
    @RequiresPermission("users:view")
    PageResponse<UserSummary> list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) UserStatus status, @RequestParam(required = false) UUID roleId,
            @RequestParam(required = false) String sort, @Valid PageQuery page) {
        return users.list(q, status, roleId, sort, page);
    }

    @PostMapping
    @RequiresPermission("users:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest body) {
        UserView created = users.create(new UserCommands.CreateUser(body.email(), body.fullName(), body.phone(),
                body.language(), body.timeZone(), body.password(), body.roleIds()));
        if (body.password() == null) {
            created = created.withInvitation(invitations.send(created.id()));
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission("users:view")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission("users:edit")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest body) {
        return users.update(id, new UserCommands.UpdateUser(body.fullName(), body.phone(), body.language(),
                body.timeZone(), body.status()));
    }

    /** Sends a new invitation to a user who has not chosen a password yet; says whether it left. */
    @PostMapping("/{id}/invitation")
    @RequiresPermission("users:create")
    UserView resendInvitation(@PathVariable UUID id) {
        Invitations.Invitation sent = invitations.resend(id);
        return users.get(id).withInvitation(sent);
    }

    @PostMapping("/{id}/deactivate")
    @RequiresPermission("users:delete")
    UserView deactivate(@PathVariable UUID id) {
        return users.deactivate(id);
    }

    @PutMapping("/{id}/roles")
    @RequiresPermission("users:edit")
    UserView setRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest body) {
        return users.setRoles(id, body.roleIds());
    }

    @PutMapping("/{id}/permissions")
    @RequiresPermission("users:edit")
    UserView setPermissions(@PathVariable UUID id, @Valid @RequestBody OverridesRequest body) {
        return users.setOverrides(id, new UserCommands.SetOverrides(body.grants(), body.revocations()));
    }
}
