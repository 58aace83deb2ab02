package com.ambiosys.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;

/** A person who works in a tenant's AmbioSys. State changes only through the methods below. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;
    private String email;
    @Column(name = "full_name")
    private String fullName;
    private String phone;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private UserStatus status;
    private String language;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "permission_version")
    private long permissionVersion;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;
    @Version
    private long version;

    protected User() {
    }

    public User(String email, String fullName, String phone, String language, String timeZone, String passwordHash,
            UUID createdBy, Instant now) {
        this.id = Ids.next();
        this.tenantId = TenantContext.require();
        this.email = email;
        this.fullName = fullName;
        this.phone = phone;
        this.language = language;
        this.timeZone = timeZone;
        this.passwordHash = passwordHash;
        this.status = UserStatus.ACTIVE;
        this.permissionVersion = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void recordSuccessfulLogin(Instant now) {
        lastLoginAt = now;
        updatedAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    void updateProfile(String fullName, String phone, String language, String timeZone, Instant now) {
        this.fullName = fullName;
        this.phone = phone;
        this.language = language;
        this.timeZone = timeZone;
        this.updatedAt = now;
    }

    void changeStatus(UserStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void permissionsChanged(Instant now) {
        permissionVersion++;
        updatedAt = now;
    }

    boolean active() {
        return status == UserStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String email() {
        return email;
    }

    String fullName() {
        return fullName;
    }

    String phone() {
        return phone;
    }

    String passwordHash() {
        return passwordHash;
    }

    UserStatus status() {
        return status;
    }

    String language() {
        return language;
    }

    String timeZone() {
        return timeZone;
    }

    long permissionVersion() {
        return permissionVersion;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
