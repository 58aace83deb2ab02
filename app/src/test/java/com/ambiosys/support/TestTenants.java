package com.ambiosys.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.identity.TenantOnboarding;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.tenants.NewTenant;

/** Opens fresh tenants with users for a test, so tests never depend on each other's data. */
@Component
public class TestTenants {

    public static final String PASSWORD = "Correcta-Clave-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record TestTenant(UUID id, String slug, UUID adminId, String adminEmail) {

        public String email(String local) {
            return local + "@" + slug + ".example";
        }
    }

    private final TenantOnboarding onboarding;

    TestTenants(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    public TestTenant create() {
        String slug = "t" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + slug + ".example";
        var onboarded = onboarding.onboard(new NewTenant(slug, "Empresa " + slug, "GT", "America/Guatemala", "es"),
                admin, "Administradora " + slug, PASSWORD);
        return new TestTenant(onboarded.tenant().id(), slug, onboarded.adminUserId(), admin);
    }

    /** Adds a user with one system role to the tenant; answers the user's id. */
    public UUID addUser(TestTenant tenant, String local, SystemRole role) {
        return TenantContext.callAs(tenant.id(), () -> onboarding.addUser(tenant.email(local), "Usuario " + local,
                PASSWORD, role, "es", "America/Guatemala"));
    }

    /** Adds a user with this exact email (another tenant's user's, say) and one system role; answers the user's id. */
    public UUID addUserWithEmail(TestTenant tenant, String email, SystemRole role) {
        return TenantContext.callAs(tenant.id(), () -> onboarding.addUser(email, "Usuario " + email, PASSWORD, role, "es",
                "America/Guatemala"));
    }
}
