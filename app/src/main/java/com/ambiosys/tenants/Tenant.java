package com.ambiosys.tenants;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.ambiosys.platform.ids.Ids;

/** A company using AmbioSys. */
@Entity
@Table(name = "tenants")
class Tenant {

    @Id
    private UUID id;
    private String slug;
    private String name;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    private String country;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "default_language")
    private String defaultLanguage;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tenant() {
    }

    Tenant(String slug, String name, String country, String timeZone, String defaultLanguage, Instant now) {
        this.id = Ids.next();
        this.slug = slug;
        this.name = name;
        this.status = TenantStatus.ACTIVE;
        this.country = country;
        this.timeZone = timeZone;
        this.defaultLanguage = defaultLanguage;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void suspend(Instant now) {
        this.status = TenantStatus.SUSPENDED;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.status = TenantStatus.ACTIVE;
        this.updatedAt = now;
    }

    TenantSummary summary() {
        return new TenantSummary(id, slug, name, status, country, timeZone, defaultLanguage);
    }

    UUID id() {
        return id;
    }
}
