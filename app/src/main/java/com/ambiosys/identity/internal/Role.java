package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/** A named set of permissions. System roles (ADMIN, SALES, ...) exist in every tenant and cannot be deleted. */
@Entity
@Table(name = "roles")
public class Role {

    @Id
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;
    private String code;
    private String name;
    private String description;
    private boolean system;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;
    @Version
    private long version;

    protected Role() {
    }

    Role(String code, String name, String description, boolean system, UUID createdBy, Instant now) {
        this.id = Ids.next();
        this.tenantId = TenantContext.require();
        this.code = code;
        this.name = name;
        this.description = description;
        this.system = system;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    boolean system() {
        return system;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
