package com.ambiosys.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

@org.springframework.transaction.annotation.Transactional(readOnly = true)
interface Roles extends Repository<Role, UUID> {

    @org.springframework.transaction.annotation.Transactional
    Role saveAndFlush(Role role);

    @org.springframework.transaction.annotation.Transactional
    void delete(Role role);

    @Query("select r from Role r where r.tenantId = :tenant and r.id = :id")
    Optional<Role> find(@Param("tenant") UUID tenant, @Param("id") UUID id);

    @Query("select r from Role r where r.tenantId = :tenant and r.code = :code")
    Optional<Role> findByCode(@Param("tenant") UUID tenant, @Param("code") String code);

    @Query("select r from Role r where r.tenantId = :tenant order by r.system desc, r.name")
    List<Role> findAllOfTenant(@Param("tenant") UUID tenant);

    @Query("select r from Role r where r.tenantId = :tenant and r.id in :ids")
    List<Role> findAll(@Param("tenant") UUID tenant, @Param("ids") Collection<UUID> ids);
}
