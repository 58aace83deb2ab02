package com.ambiosys.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * Roles of a tenant. Derived queries, no query strings: a {@code @Query} is parsed by two ANTLR grammars
 * (Spring Data's and Hibernate's) at start-up, a fifth of the application's start (docs/decisions/0011).
 */
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public interface Roles extends Repository<Role, UUID> {

    @org.springframework.transaction.annotation.Transactional
    Role saveAndFlush(Role role);

    @org.springframework.transaction.annotation.Transactional
    void delete(Role role);

    Optional<Role> findByTenantIdAndId(UUID tenantId, UUID id);

    Optional<Role> findByTenantIdAndCode(UUID tenantId, String code);

    List<Role> findByTenantIdOrderBySystemDescNameAsc(UUID tenantId);

    List<Role> findByTenantIdAndIdIn(UUID tenantId, Collection<UUID> ids);

    default Optional<Role> find(UUID tenant, UUID id) {
        return findByTenantIdAndId(tenant, id);
    }

    default Optional<Role> findByCode(UUID tenant, String code) {
        return findByTenantIdAndCode(tenant, code);
    }

    /** System roles first, then by name. */
    default List<Role> findAllOfTenant(UUID tenant) {
        return findByTenantIdOrderBySystemDescNameAsc(tenant);
    }

    default List<Role> findAll(UUID tenant, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : findByTenantIdAndIdIn(tenant, ids);
    }
}
