package com.ambiosys.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * Users of the current tenant (the tenant filter is explicit here; row-level security is the net under it).
 * Derived queries and a criteria search, no query strings: see {@link Roles}.
 */
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public interface Users extends Repository<User, UUID>, JpaSpecificationExecutor<User> {

    @org.springframework.transaction.annotation.Transactional
    User saveAndFlush(User user);

    Optional<User> findByTenantIdAndId(UUID tenantId, UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<User> findForUpdateByTenantIdAndId(UUID tenantId, UUID id);

    Optional<User> findByTenantIdAndEmailIgnoreCase(UUID tenantId, String email);

    default Optional<User> find(UUID tenant, UUID id) {
        return findByTenantIdAndId(tenant, id);
    }

    default Optional<User> findForUpdate(UUID tenant, UUID id) {
        return findForUpdateByTenantIdAndId(tenant, id);
    }

    default Optional<User> findByEmail(UUID tenant, String email) {
        return findByTenantIdAndEmailIgnoreCase(tenant, email);
    }

    /**
     * The tenant's users, narrowed by any of: a lower-case {@code like} pattern on name or email, a status,
     * a role held.
     */
    default Page<User> search(UUID tenant, String pattern, UserStatus status, UUID role, Pageable pageable) {
        Specification<User> search = (user, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(user.get("tenantId"), tenant));
            if (status != null) {
                where.add(cb.equal(user.get("status"), status));
            }
            if (pattern != null) {
                where.add(cb.or(cb.like(cb.lower(user.get("fullName")), pattern), cb.like(cb.lower(user.get("email")), pattern)));
            }
            if (role != null && query != null) {
                Subquery<Integer> holds = query.subquery(Integer.class);
                Root<UserRoleLink> link = holds.from(UserRoleLink.class);
                holds.select(cb.literal(1)).where(cb.equal(link.get("userId"), user.get("id")), cb.equal(link.get("roleId"), role));
                where.add(cb.exists(holds));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return findAll(search, pageable);
    }
}
