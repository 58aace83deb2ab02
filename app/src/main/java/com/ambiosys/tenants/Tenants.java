package com.ambiosys.tenants;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

@org.springframework.transaction.annotation.Transactional(readOnly = true)
interface Tenants extends Repository<Tenant, UUID> {

    @org.springframework.transaction.annotation.Transactional
    Tenant save(Tenant tenant);

    Optional<Tenant> findById(UUID id);

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    long count();

    /** An id alone: the per-tenant jobs ask every tick, and need no entity loaded. */
    interface IdOnly {
        UUID getId();
    }

    List<IdOnly> findByStatusOrderByIdAsc(TenantStatus status);

    /** Derived, not a {@code @Query}: see identity's {@code Roles}. */
    default List<UUID> findActiveIds() {
        return findByStatusOrderByIdAsc(TenantStatus.ACTIVE).stream().map(IdOnly::getId).toList();
    }
}
