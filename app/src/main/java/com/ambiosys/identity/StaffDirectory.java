package com.ambiosys.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.tenancy.TenantContext;

/** The tenant's staff as other modules need them: who can own a customer, be assigned a request, and so on. */
@Service
public class StaffDirectory {

    /** An active user, by name. */
    public record StaffMember(UserId id, String fullName, String email) {
    }

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active users of the current tenant who hold the permission (directly or through a role), by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> activeWith(String permission) {
        return jdbc.sql("""
                select u.id, u.full_name, u.email from users u
                 where u.tenant_id = :t and u.status = 'ACTIVE'
                   and (exists (select 1 from user_roles ur
                                  join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
                                 where ur.tenant_id = u.tenant_id and ur.user_id = u.id and rp.permission = :p)
                        or exists (select 1 from user_permission_overrides o
                                    where o.tenant_id = u.tenant_id and o.user_id = u.id and o.permission = :p
                                      and o.effect = 'GRANT'))
                   and not exists (select 1 from user_permission_overrides o
                                    where o.tenant_id = u.tenant_id and o.user_id = u.id and o.permission = :p
                                      and o.effect = 'REVOKE')
                 order by lower(u.full_name), u.id
                """).param("t", TenantContext.require()).param("p", permission)
            .query((rs, n) -> new StaffMember(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
            .list();
    }

    /** The full names of these users of the current tenant, active or not, by id (one statement). */
    @Transactional(readOnly = true)
    public java.util.Map<UserId, String> namesOf(java.util.Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UserId, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, full_name from users where tenant_id = :t and id = any(:ids)")
            .param("t", TenantContext.require()).param("ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new))
            .query(rs -> {
                names.put(new UserId(rs.getObject(1, UUID.class)), rs.getString(2));
            });
        return names;
    }

    /** The full name of one user of the current tenant, active or not; empty if there is none. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> nameOf(UserId id) {
        return java.util.Optional.ofNullable(namesOf(List.of(id)).get(id));
    }

    /** Every user of the current tenant, active or not (to name who did something). */
    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return jdbc.sql("select id, full_name, email from users where tenant_id = :t order by lower(full_name), id")
            .param("t", TenantContext.require())
            .query((rs, n) -> new StaffMember(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
            .list();
    }

    /** Active users holding a role (by code, e.g. SALES), ordered by id: a stable order for round robin. */
    @Transactional(readOnly = true)
    public List<StaffMember> activeWithRole(String roleCode) {
        return jdbc.sql("""
                select u.id, u.full_name, u.email from users u
                 where u.tenant_id = :t and u.status = 'ACTIVE'
                   and exists (select 1 from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
                                where ur.tenant_id = u.tenant_id and ur.user_id = u.id and r.code = :code)
                 order by u.id
                """).param("t", TenantContext.require()).param("code", roleCode)
            .query((rs, n) -> new StaffMember(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
            .list();
    }
}
