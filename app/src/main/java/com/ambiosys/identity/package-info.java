/**
 * Identity: users, roles and permissions of each tenant; login with rotating refresh tokens;
 * password reset; access log. The security configuration of the whole API lives here.
 *
 * <p>Its published API is the public types of this package, and only these (ModuleApiTest pins the list):
 * <ul>
 * <li>{@link com.ambiosys.identity.StaffDirectory}: the tenant's staff as other modules need them (who holds a
 * permission or a role, names by id), and {@link com.ambiosys.identity.UserId}, how other modules name a user
 * to it;</li>
 * <li>{@link com.ambiosys.identity.ActiveUsers}: who a signed-in user is now, for a stream that outlives its
 * request;</li>
 * <li>{@link com.ambiosys.identity.UserAccessChanged} and {@link com.ambiosys.identity.DemoTenantCreated}: the
 * events other modules listen to;</li>
 * <li>{@link com.ambiosys.identity.SystemRole} and {@link com.ambiosys.identity.PermissionCatalog}: the roles
 * every tenant starts with and every permission there is, the words endpoints and role checks use;</li>
 * <li>{@link com.ambiosys.identity.TenantOnboarding}: opening a tenant with its first administrator.</li>
 * </ul>
 * Users, roles, tokens, sessions and the security configuration are in {@code internal}, which only this
 * module's own {@code web} package uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = { "platform", "audit", "tenants" })
package com.ambiosys.identity;
