package com.ambiosys.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.identity.PermissionCatalog;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** Administration of the current tenant's users: invite, edit, deactivate, roles, per-user grants. */
@Service
public class UserManagement {

    /** Sortable columns of the user list, by the name the API accepts. */
    static final Map<String, String> SORTS = Map.of("fullName", "fullName", "email", "email", "status", "status",
            "createdAt", "createdAt", "lastLoginAt", "lastLoginAt");

    private final Users users;
    private final Roles roles;
    private final PermissionStore permissions;
    private final PasswordEncoder passwords;
    private final RefreshTokenStore refreshTokens;
    private final PrincipalLoader principals;
    private final AuditTrail audit;
    private final GrantPolicy grantPolicy;
    private final Clock clock;
    private final com.ambiosys.tenants.TenantManagement tenants;
    private final Invitations invitations;

    UserManagement(Users users, Roles roles, PermissionStore permissions, PasswordEncoder passwords,
            RefreshTokenStore refreshTokens, PrincipalLoader principals, AuditTrail audit,
            GrantPolicy grantPolicy, Clock clock,
            com.ambiosys.tenants.TenantManagement tenants, Invitations invitations) {
        this.tenants = tenants;
        this.invitations = invitations;
        this.grantPolicy = grantPolicy;
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.principals = principals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(UserCommands.CreateUser command) {
        UUID tenant = TenantContext.require();
        String email = command.email().trim().toLowerCase(Locale.ROOT);
        if (users.findByEmail(tenant, email).isPresent()) {
            throw new ConflictException("email-taken", email);
        }
        List<UUID> roleIds = command.roleIds() == null ? List.of() : command.roleIds();
        requireRoles(tenant, roleIds);
        grantPolicy.holder().requireHeld(permissionsOfRoles(roleIds));
        String hash = command.password() == null ? null : passwords.encode(command.password());
        User user = users.saveAndFlush(new User(email, command.fullName().trim(), phone(command.phone()),
                command.language().name(), command.timeZone(), hash, actor(), clock.instant()));
        permissions.replaceUserRoles(user.id(), new LinkedHashSet<>(roleIds));
        UserView view = view(user);
        audit.record(AuditAction.CREATE, "user", user.id(), null, view);
        return view; // without a password, the caller sends the invitation (Invitations) once this has committed
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return view(require(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<UserSummary> list(String q, UserStatus status, UUID roleId, String sort, PageQuery page) {
        Sort order = parseSort(sort);
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase(Locale.ROOT) + "%";
        var result = users.search(TenantContext.require(), pattern, status, roleId,
                PageRequest.of(page.pageOrDefault(), page.sizeOrDefault(), order));
        return PageResponse.of(result, u -> new UserSummary(u.id(), u.email(), u.fullName(), u.status(), u.language(),
                u.lastLoginAt(), u.createdAt(), invitations.standing(u)));
    }

    @Transactional
    public UserView update(UUID id, UserCommands.UpdateUser command) {
        User user = require(id);
        UserView before = view(user);
        Instant now = clock.instant();
        user.updateProfile(command.fullName().trim(), phone(command.phone()),
                command.language().name(), command.timeZone(), now);
        if (command.status() != null && command.status() != user.status()) {
            changeStatus(user, command.status(), now);
        }
        UserView after = view(user);
        audit.record(AuditAction.UPDATE, "user", id, before, after);
        standingChanges(user);
        return after;
    }

    @Transactional
    public UserView deactivate(UUID id) {
        User user = require(id);
        UserView before = view(user);
        changeStatus(user, UserStatus.INACTIVE, clock.instant());
        UserView after = view(user);
        audit.record(AuditAction.UPDATE, "user", id, before, after);
        standingChanges(user);
        return after;
    }

    @Transactional
    public UserView setRoles(UUID id, List<UUID> roleIds) {
        User user = require(id);
        requireRoles(user.tenantId(), roleIds);
        GrantPolicy.Holder actor = grantPolicy.holder();
        UserView before = view(user);
        List<UUID> added = new ArrayList<>(roleIds);
        added.removeAll(permissions.roleIdsOf(user.id()));
        permissions.replaceUserRoles(user.id(), new LinkedHashSet<>(roleIds));
        actor.requireHeld(GrantPolicy.given(before.effectivePermissions(), permissions.effectivePermissions(user.id()),
                permissionsOfRoles(added)));
        user.permissionsChanged(clock.instant());
        UserView after = view(user);
        audit.record(AuditAction.UPDATE, "user", id, before, after);
        standingChanges(user);
        return after;
    }

    @Transactional
    public UserView setOverrides(UUID id, UserCommands.SetOverrides command) {
        User user = require(id);
        Set<String> grants = command.grants() == null ? Set.of() : command.grants();
        Set<String> revocations = command.revocations() == null ? Set.of() : command.revocations();
        Set<String> unknown = new LinkedHashSet<>();
        grants.stream().filter(p -> !PermissionCatalog.exists(p)).forEach(unknown::add);
        revocations.stream().filter(p -> !PermissionCatalog.exists(p)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("unknown-permission", String.join(", ", unknown));
        }
        Set<String> both = new HashSet<>(grants);
        both.retainAll(revocations);
        if (!both.isEmpty()) {
            throw new InvalidInputException("permission-granted-and-revoked", String.join(", ", both));
        }
        GrantPolicy.Holder actor = grantPolicy.holder();
        UserView before = view(user);
        Map<String, String> overrides = new TreeMap<>();
        grants.forEach(p -> overrides.put(p, "GRANT"));
        revocations.forEach(p -> overrides.put(p, "REVOKE"));
        Set<String> newGrants = new HashSet<>(grants);
        before.permissionOverrides().forEach((p, effect) -> {
            if ("GRANT".equals(effect)) {
                newGrants.remove(p);
            }
        });
        permissions.replaceOverrides(user.id(), overrides);
        actor.requireHeld(GrantPolicy.given(before.effectivePermissions(),
                permissions.effectivePermissions(user.id()), newGrants));
        user.permissionsChanged(clock.instant());
        UserView after = view(user);
        audit.record(AuditAction.UPDATE, "user", id, before, after);
        standingChanges(user);
        return after;
    }

    private void changeStatus(User user, UserStatus status, Instant now) {
        if (user.id().equals(actor()) && status != UserStatus.ACTIVE) {
            throw new ConflictException("cannot-deactivate-self");
        }
        user.changeStatus(status, now);
        if (status != UserStatus.ACTIVE) {
            refreshTokens.revokeAllOf(user.id());
        }
    }

    private User require(UUID id) {
        return users.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("user"));
    }

    private void requireRoles(UUID tenant, List<UUID> roleIds) {
        Set<UUID> wanted = new HashSet<>(roleIds);
        if (roles.findAll(tenant, wanted).size() != wanted.size()) {
            throw new InvalidInputException("unknown-role");
        }
    }

    private Set<String> permissionsOfRoles(List<UUID> roleIds) {
        Set<String> out = new HashSet<>();
        new HashSet<>(roleIds).forEach(id -> out.addAll(permissions.rolePermissions(id)));
        return out;
    }

    UserView view(User user) {
        List<UserView.RoleRef> roleRefs = new ArrayList<>();
        roles.findAll(user.tenantId(), permissions.roleIdsOf(user.id())).forEach(r ->
                roleRefs.add(new UserView.RoleRef(r.id(), r.code(), r.name())));
        roleRefs.sort(java.util.Comparator.comparing(UserView.RoleRef::code));
        return new UserView(user.id(), user.email(), user.fullName(), user.phone(), user.status(), user.language(),
                user.timeZone(), roleRefs, permissions.overridesOf(user.id()),
                permissions.effectivePermissions(user.id()), user.permissionVersion(),
                user.lastLoginAt(), user.createdAt(), user.updatedAt(), invitations.standing(user), null, null);
    }

    private void standingChanges(User user) {
        principals.changing(user.tenantId(), user.id());
    }

    private static Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("fullName");
        }
        boolean desc = sort.startsWith("-");
        String field = SORTS.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw new InvalidInputException("unknown-sort", sort);
        }
        return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, field);
    }

    private static UUID actor() {
        return CurrentUsers.current().map(u -> u.userId()).orElse(null);
    }

    /** The one phone rule (platform/phones): national or E.164, the tenant's country by default; stored in E.164. */
    private String phone(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return com.ambiosys.platform.phones.Phones.require(typed,
                tenants.find(TenantContext.require()).map(t -> t.country()).orElse("GT"));
    }
}
