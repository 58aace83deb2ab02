package com.ambiosys.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.identity.internal.PermissionStore;
import com.ambiosys.identity.internal.RoleManagement;
import com.ambiosys.identity.internal.Roles;
import com.ambiosys.identity.internal.User;
import com.ambiosys.identity.internal.Users;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.NewTenant;
import com.ambiosys.tenants.TenantManagement;
import com.ambiosys.tenants.TenantSummary;

/** Opens a tenant: the tenant row, its system roles, and its first administrator. */
@Service
public class TenantOnboarding {

    /** The new tenant and its administrator. */
    public record Onboarded(TenantSummary tenant, UUID adminUserId) {
    }

    private final TenantManagement tenants;
    private final RoleManagement roleManagement;
    private final Roles roles;
    private final Users users;
    private final PermissionStore permissions;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final TenantTransactions tenantTx;
    private final Clock clock;

    TenantOnboarding(TenantManagement tenants, RoleManagement roleManagement, Roles roles, Users users,
            PermissionStore permissions, PasswordEncoder passwords, TransactionTemplate tx, Clock clock,
            TenantTransactions tenantTx) {
        this.tenantTx = tenantTx;
        this.tenants = tenants;
        this.roleManagement = roleManagement;
        this.roles = roles;
        this.users = users;
        this.permissions = permissions;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    String hash(String password) {
        return passwords.encode(password);
    }

    public Onboarded onboard(NewTenant tenant, String adminEmail, String adminName, String adminPassword) {
        TenantSummary created = tenants.create(tenant);
        UUID adminId = tenantTx.call(created.id(), status -> {
            roleManagement.provisionSystemRoles();
            return addUser(adminEmail, adminName, adminPassword, SystemRole.ADMIN, created.defaultLanguage(),
                    created.timeZone());
        });
        return new Onboarded(created, adminId);
    }

    /** In the current tenant: a user with a password and one system role (for seeding and tests). */
    public UUID addUser(String email, String fullName, String password, SystemRole role, String language,
            String timeZone) {
        return addUserWithHash(email, fullName, passwords.encode(password), role, language, timeZone);
    }

    /** As {@link #addUser}, with the password already hashed (seeding many users with one password). */
    UUID addUserWithHash(String email, String fullName, String passwordHash, SystemRole role, String language,
            String timeZone) {
        UUID tenant = TenantContext.require();
        return tx.execute(status -> {
            User user = users.saveAndFlush(new User(email.toLowerCase(java.util.Locale.ROOT), fullName, null, language,
                    timeZone, passwordHash, null, clock.instant()));
            UUID roleId = roles.findByCode(tenant, role.name()).orElseThrow().id();
            permissions.replaceUserRoles(user.id(), List.of(roleId));
            return user.id();
        });
    }
}
