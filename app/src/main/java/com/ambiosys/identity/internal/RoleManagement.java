package com.ambiosys.identity.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.identity.PermissionCatalog;
import com.ambiosys.identity.SystemRole;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;

/** Roles of the current tenant and the permissions each carries. */
@Service
public class RoleManagement {

    private final Roles roles;
    private final Users users;
    private final PermissionStore permissions;
    private final PrincipalLoader principals;
    private final AuditTrail audit;
    private final GrantPolicy grantPolicy;
    private final Clock clock;

    RoleManagement(Roles roles, Users users, PermissionStore permissions, PrincipalLoader principals, AuditTrail audit,
            GrantPolicy grantPolicy, Clock clock) {
        this.grantPolicy = grantPolicy;
        this.roles = roles;
        this.users = users;
        this.permissions = permissions;
        this.principals = principals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoleView> list() {
        return roles.findAllOfTenant(TenantContext.require()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RoleView get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public RoleView create(String code, String name, String description, Set<String> granted) {
        UUID tenant = TenantContext.require();
        if (roles.findByCode(tenant, code).isPresent()) {
            throw new ConflictException("role-code-taken", code);
        }
        Set<String> checked = checked(granted);
        grantPolicy.holder().requireHeld(checked);
        Role role = roles.saveAndFlush(new Role(code, name.trim(), description, false, actor(), clock.instant()));
        permissions.replaceRolePermissions(role.id(), checked);
        RoleView view = view(role);
        audit.record(AuditAction.CREATE, "role", role.id(), null, view);
        return view;
    }

    @Transactional
    public RoleView update(UUID id, String name, String description, Set<String> granted) {
        Role role = require(id);
        Set<String> checked = checked(granted);
        RoleView before = view(role);
        grantPolicy.holder().requireHeld(GrantPolicy.given(before.permissions(), checked, Set.of()));
        role.rename(name.trim(), description, clock.instant());
        if (!before.permissions().equals(checked)) {
            permissions.replaceRolePermissions(role.id(), checked);
            permissionsChangedFor(role.id());
        }
        RoleView after = view(role);
        audit.record(AuditAction.UPDATE, "role", id, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        Role role = require(id);
        if (role.system()) {
            throw new ConflictException("system-role");
        }
        if (permissions.countUsersWithRole(id) > 0) {
            throw new ConflictException("role-in-use");
        }
        RoleView before = view(role);
        roles.delete(role);
        audit.record(AuditAction.DELETE, "role", id, before, null);
    }

    /** Creates the system roles with their default permissions in the current tenant. */
    @Transactional
    public void provisionSystemRoles() {
        UUID tenant = TenantContext.require();
        for (SystemRole system : SystemRole.values()) {
            if (roles.findByCode(tenant, system.name()).isEmpty()) {
                Role role = roles.saveAndFlush(new Role(system.name(), system.spanishName(), null, true, null, clock.instant()));
                permissions.replaceRolePermissions(role.id(), system.defaults());
            }
        }
    }

    private void permissionsChangedFor(UUID roleId) {
        UUID tenant = TenantContext.require();
        List<UUID> holders = permissions.usersWithRole(roleId);
        holders.forEach(userId -> users.find(tenant, userId).ifPresent(u -> u.permissionsChanged(clock.instant())));
        principals.changing(tenant, holders);
    }

    private static Set<String> checked(Set<String> granted) {
        Set<String> set = granted == null ? Set.of() : granted;
        Set<String> unknown = new LinkedHashSet<>();
        set.stream().filter(p -> !PermissionCatalog.exists(p)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("unknown-permission", String.join(", ", unknown));
        }
        return new TreeSet<>(set);
    }

    private Role require(UUID id) {
        return roles.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("role"));
    }

    private RoleView view(Role role) {
        return new RoleView(role.id(), role.code(), role.name(), role.description(), role.system(),
                new TreeSet<>(permissions.rolePermissions(role.id())), permissions.countUsersWithRole(role.id()),
                role.createdAt(), role.updatedAt());
    }

    private static UUID actor() {
        return CurrentUsers.current().map(u -> u.userId()).orElse(null);
    }
}
