package com.ambiosys.tenants;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

@org.springframework.transaction.annotation.Transactional(readOnly = true)
interface Tenants extends Repository<Tenant, UUID> {

    @org.springframework.transaction.annotation.Transactional
    Tenant save(Tenant tenant);

    Optional<Tenant> findById(UUID id);

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    long count();

    @Query("select t.id from Tenant t where t.status = com.ambiosys.tenants.TenantStatus.ACTIVE order by t.id")
    List<UUID> findActiveIds();
}
