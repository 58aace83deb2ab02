package com.ambiosys.tenants;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.NotFoundException;


/** The tenants module's public service. */
@Service
public class TenantManagement {

    private final Tenants tenants;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    // every authenticated request asks whether its tenant is active: answer from memory for a few seconds
    private final com.github.benmanes.caffeine.cache.Cache<UUID, Optional<TenantSummary>> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(java.time.Duration.ofSeconds(5)).build();

    TenantManagement(Tenants tenants, Clock clock, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public TenantSummary create(NewTenant request) {
        if (tenants.existsBySlug(request.slug())) {
            throw new ConflictException("tenant-slug-taken", request.slug());
        }
        Tenant tenant = new Tenant(request.slug(), request.name(), request.country(), request.timeZone(),
                request.defaultLanguage(), clock.instant());
        TenantSummary opened = tenants.save(tenant).summary();
        events.publishEvent(new TenantOpened(opened.id(), opened.country()));
        return opened;
    }

    /** The tenant as of at most a few seconds ago. */
    public Optional<TenantSummary> find(UUID id) {
        return cache.get(id, key -> tenants.findById(key).map(Tenant::summary));
    }

    @Transactional(readOnly = true)
    public Optional<TenantSummary> findBySlug(String slug) {
        return tenants.findBySlug(slug).map(Tenant::summary);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return tenants.count() > 0;
    }

    /** Every active tenant, for jobs that process each tenant in its own context. */
    @Transactional(readOnly = true)
    public List<UUID> activeTenantIds() {
        return tenants.findActiveIds();
    }

    @Transactional
    public TenantSummary suspend(UUID id) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant"));
        tenant.suspend(clock.instant());
        cache.invalidate(id);
        return tenant.summary();
    }

    @Transactional
    public TenantSummary activate(UUID id) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant"));
        tenant.activate(clock.instant());
        cache.invalidate(id);
        return tenant.summary();
    }
}
