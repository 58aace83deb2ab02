/**
 * Tenants: the companies that use AmbioSys. A platform-level table (no row-level security); every
 * tenant-owned row elsewhere points here. Depends only on the platform kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenants",
        allowedDependencies = { "platform" })
package com.ambiosys.tenants;
