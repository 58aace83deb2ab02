package com.ambiosys.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.ambiosys.platform.security.RequiresPermission;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.identity.PermissionCatalog;
import com.ambiosys.identity.internal.RoleManagement;
import com.ambiosys.identity.internal.RoleView;

/** Administration of roles and the catalog of permissions they draw from. */
@RestController
class RoleAdminController {

    record CreateRoleRequest(@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String code,
            @NotBlank @Size(max = 80) String name, @Size(max = 500) String description,
            @NotNull @Size(max = 300) Set<@NotBlank String> permissions) {
    }

    record UpdateRoleRequest(@NotBlank @Size(max = 80) String name, @Size(max = 500) String description,
            @NotNull @Size(max = 300) Set<@NotBlank String> permissions) {
    }

    private final RoleManagement roles;

    RoleAdminController(RoleManagement roles) {
        this.roles = roles;
    }

    /** Every module and its actions, as {@code module → [action, ...]}. */
    @GetMapping("/api/v1/permissions")
    @RequiresPermission("roles:view")
    Map<String, List<String>> catalog() {
        return PermissionCatalog.MODULES;
    }

    @GetMapping("/api/v1/roles")
    @RequiresPermission("roles:view")
    List<RoleView> list() {
        return roles.list();
    }

    @PostMapping("/api/v1/roles")
    @RequiresPermission("roles:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RoleView> create(@Valid @RequestBody CreateRoleRequest body) {
        RoleView role = roles.create(body.code(), body.name(), body.description(), body.permissions());
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id())).body(role);
    }

    @GetMapping("/api/v1/roles/{id}")
    @RequiresPermission("roles:view")
    RoleView get(@PathVariable UUID id) {
        return roles.get(id);
    }

    @PutMapping("/api/v1/roles/{id}")
    @RequiresPermission("roles:edit")
    RoleView update(@PathVariable UUID id, @Valid @RequestBody UpdateRoleRequest body) {
        return roles.update(id, body.name(), body.description(), body.permissions());
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @RequiresPermission("roles:delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        roles.delete(id);
    }
}
