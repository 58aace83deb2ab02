package com.ambiosys.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Users of the current tenant (the tenant filter is explicit here; row-level security is the net under it). */
@org.springframework.transaction.annotation.Transactional(readOnly = true)
interface Users extends Repository<User, UUID> {

    @org.springframework.transaction.annotation.Transactional
    User saveAndFlush(User user);

    @Query("select u from User u where u.tenantId = :tenant and u.id = :id")
    Optional<User> find(@Param("tenant") UUID tenant, @Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.tenantId = :tenant and u.id = :id")
    Optional<User> findForUpdate(@Param("tenant") UUID tenant, @Param("id") UUID id);

    @Query("select u from User u where u.tenantId = :tenant and lower(u.email) = lower(:email)")
    Optional<User> findByEmail(@Param("tenant") UUID tenant, @Param("email") String email);

    @Query("""
            select u from User u
             where u.tenantId = :tenant
               and (:status is null or u.status = :status)
               and (:q is null or lower(u.fullName) like :q or lower(u.email) like :q)
               and (:role is null or exists (select 1 from UserRoleLink l where l.userId = u.id and l.roleId = :role))
            """)
    Page<User> search(@Param("tenant") UUID tenant, @Param("q") String q, @Param("status") UserStatus status,
            @Param("role") UUID role, Pageable pageable);
}
