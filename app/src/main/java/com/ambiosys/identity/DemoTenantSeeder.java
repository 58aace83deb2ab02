package com.ambiosys.identity;

import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.ambiosys.platform.events.EventsSettled;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.platform.web.PublicUrl;
import com.ambiosys.tenants.NewTenant;
import com.ambiosys.tenants.TenantManagement;

/**
 * On the very first start, opens the demo tenant "Ambiotec Demo" with one user per role and prints the
 * administrator's login once. Other modules add their demo data when {@link DemoTenantCreated} is published.
 */
@Component
@Order(0)
class DemoTenantSeeder implements ApplicationRunner {

    static final String SLUG = "ambiotec-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);

    private record DemoUser(String email, String name, SystemRole role) {
    }

    private static final List<DemoUser> STAFF = List.of(
            new DemoUser("gerencia@ambiotec.example", "María José Castillo", SystemRole.MANAGER),
            new DemoUser("ventas@ambiotec.example", "Carlos Enrique Pérez", SystemRole.SALES),
            new DemoUser("ventas.sv@ambiotec.example", "Ana Beatriz Hernández", SystemRole.SALES),
            new DemoUser("atencion@ambiotec.example", "Lucía Fernanda Morales", SystemRole.AGENT),
            new DemoUser("finanzas@ambiotec.example", "Jorge Luis Ramírez", SystemRole.FINANCE),
            new DemoUser("supervision@ambiotec.example", "Edwin Rolando Chávez", SystemRole.SUPERVISOR),
            new DemoUser("tecnico@ambiotec.example", "Marvin Alexander López", SystemRole.TECHNICIAN));

    private final TenantManagement tenants;
    private final TenantOnboarding onboarding;
    private final ApplicationEventPublisher events;
    private final TenantTransactions tx;
    private final EventsSettled settled;
    private static final java.time.Duration DEMO_DATA_WAIT = java.time.Duration.ofSeconds(60);
    private final boolean enabled;
    private final String adminEmail;
    private final String adminPassword;
    private final PublicUrl publicUrl;

    DemoTenantSeeder(TenantManagement tenants, TenantOnboarding onboarding, ApplicationEventPublisher events, TenantTransactions tx,
            EventsSettled settled,
            @Value("${ambiosys.demo.enabled:true}") boolean enabled,
            @Value("${ambiosys.admin.email:admin@ambiotec.example}") String adminEmail,
            @Value("${ambiosys.admin.password:}") String adminPassword, PublicUrl publicUrl) {
        this.tenants = tenants;
        this.onboarding = onboarding;
        this.events = events;
        this.tx = tx;
        this.settled = settled;
        this.enabled = enabled;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
        this.publicUrl = publicUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || tenants.findBySlug(SLUG).isPresent()) {
            return;
        }
        String password = StringUtils.hasText(adminPassword) ? adminPassword : generatePassword();
        var onboarded = onboarding.onboard(new NewTenant(SLUG, "Ambiotec Demo", "GT", "America/Guatemala", "es"),
                adminEmail, "Administración Ambiotec", password);
        String hash = onboarding.hash(password); // one hash for every demo user: bcrypt is slow on purpose
        java.util.Map<String, UserId> staff = new java.util.LinkedHashMap<>();
        staff.put(adminEmail, new UserId(onboarded.adminUserId()));
        TenantContext.runAs(onboarded.tenant().id(), () -> STAFF.forEach(u -> staff.put(u.email(),
                new UserId(onboarding.addUserWithHash(u.email(), u.name(), hash, u.role(), "es",
                        u.email().contains(".sv@") ? "America/El_Salvador" : "America/Guatemala")))));
        // in a transaction: the registry records the publication with it, and the modules' listeners run after
        // its commit, each in a transaction of its own (a failed one is delivered again, platform/events)
        DemoTenantCreated created = new DemoTenantCreated(onboarded.tenant().id(), java.util.Map.copyOf(staff));
        tx.run(created.tenantId(), status -> events.publishEvent(created));
        // the modules add their data on their own threads: the product is ready when they are done
        if (!settled.await(DEMO_DATA_WAIT)) {
            log.warn("The demo tenant's data is still being added after {}; it will be there shortly", DEMO_DATA_WAIT);
        }
        log.info("Demo tenant '{}' created", SLUG);
        // printed, not logged: this is shown once, to the person who started the product
        System.out.println("""

                ==================================================================
                  AmbioSys demo tenant "Ambiotec Demo" is ready: open %s
                  Administrator login (shown only this once):
                    email:    %s
                    password: %s
                  The other demo users (gerencia@, ventas@, ventas.sv@, atencion@,
                  finanzas@, supervision@, tecnico@ ambiotec.example) share it.
                ==================================================================
                """.formatted(publicUrl.value(), adminEmail, password));
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
