/**
 * Identity: users, roles and permissions of each tenant; login with rotating refresh tokens;
 * password reset; access log. The security configuration of the whole API lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = { "platform", "audit", "tenants" })
package com.ambiosys.identity;
