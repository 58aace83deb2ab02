package com.ambiosys.identity.internal;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user holds a role. */
@Entity
@Table(name = "user_roles")
@IdClass(UserRoleLink.Key.class)
class UserRoleLink {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Id
    @Column(name = "role_id")
    private UUID roleId;

    protected UserRoleLink() {
    }

    UserRoleLink(UUID tenantId, UUID userId, UUID roleId) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.roleId = roleId;
    }

    record Key(UUID tenantId, UUID userId, UUID roleId) implements Serializable {
    }
}
