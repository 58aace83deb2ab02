package com.ambiosys.servicerequests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.ambiosys.tenants.TenantOpened;

/**
 * A new tenant's business calendar starts with its country's public holidays of this year and the next (in the
 * tenant's zone's calendar year); the demo tenant is opened the same way. Seeding twice adds nothing.
 */
@Component
class PublicHolidaySeeding {

    private final ServiceRequestSetup setup;
    private final Clock clock;

    PublicHolidaySeeding(ServiceRequestSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
    }

    /** Runs in the tenant's context (platform/events: the event is TenantScoped). */
    @ApplicationModuleListener
    void on(TenantOpened opened) {
        ZoneId zone = ZoneId.of(setup.settings().timeZone());
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        setup.seedPublicHolidays(opened.country(), year, year + 1);
    }
}
