package com.ambiosys.identity.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantContext;

/** The link tables of permissions: what each role carries, which roles a user holds, per-user overrides. */
@Component
public class PermissionStore {

    private final JdbcClient jdbc;

    PermissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> rolePermissions(UUID roleId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select permission from role_permissions where tenant_id = :t and role_id = :r order by permission
                """).param("t", TenantContext.require()).param("r", roleId).query(String.class).list());
    }

    void replaceRolePermissions(UUID roleId, Collection<String> permissions) {
        UUID tenant = TenantContext.require();
        jdbc.sql("delete from role_permissions where tenant_id = :t and role_id = :r")
            .param("t", tenant).param("r", roleId).update();
        for (String permission : permissions) {
            jdbc.sql("insert into role_permissions (tenant_id, role_id, permission) values (:t, :r, :p)")
                .param("t", tenant).param("r", roleId).param("p", permission).update();
        }
    }

    List<UUID> roleIdsOf(UUID userId) {
        return jdbc.sql("select role_id from user_roles where tenant_id = :t and user_id = :u")
            .param("t", TenantContext.require()).param("u", userId).query(UUID.class).list();
    }

    public void replaceUserRoles(UUID userId, Collection<UUID> roleIds) {
        UUID tenant = TenantContext.require();
        jdbc.sql("delete from user_roles where tenant_id = :t and user_id = :u")
            .param("t", tenant).param("u", userId).update();
        for (UUID roleId : roleIds) {
            jdbc.sql("insert into user_roles (tenant_id, user_id, role_id) values (:t, :u, :r)")
                .param("t", tenant).param("u", userId).param("r", roleId).update();
        }
    }

    List<UUID> usersWithRole(UUID roleId) {
        return jdbc.sql("select user_id from user_roles where tenant_id = :t and role_id = :r")
            .param("t", TenantContext.require()).param("r", roleId).query(UUID.class).list();
    }

    long countUsersWithRole(UUID roleId) {
        return jdbc.sql("select count(*) from user_roles where tenant_id = :t and role_id = :r")
            .param("t", TenantContext.require()).param("r", roleId).query(Long.class).single();
    }

    /** permission → GRANT or REVOKE. */
    Map<String, String> overridesOf(UUID userId) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("select permission, effect from user_permission_overrides where tenant_id = :t and user_id = :u")
            .param("t", TenantContext.require()).param("u", userId)
            .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    void replaceOverrides(UUID userId, Map<String, String> overrides) {
        UUID tenant = TenantContext.require();
        jdbc.sql("delete from user_permission_overrides where tenant_id = :t and user_id = :u")
            .param("t", tenant).param("u", userId).update();
        overrides.forEach((permission, effect) -> jdbc.sql("""
                insert into user_permission_overrides (tenant_id, user_id, permission, effect) values (:t, :u, :p, :e)
                """).param("t", tenant).param("u", userId).param("p", permission).param("e", effect).update());
    }

    /** Role permissions, plus grants, minus revocations. */
    Set<String> effectivePermissions(UUID userId) {
        return new java.util.TreeSet<>(jdbc.sql("""
                (select rp.permission
                   from user_roles ur
                   join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
                  where ur.tenant_id = :t and ur.user_id = :u
                 union
                 select permission from user_permission_overrides
                  where tenant_id = :t and user_id = :u and effect = 'GRANT')
                except
                select permission from user_permission_overrides
                 where tenant_id = :t and user_id = :u and effect = 'REVOKE'
                """).param("t", TenantContext.require()).param("u", userId).query(String.class).list());
    }
}
