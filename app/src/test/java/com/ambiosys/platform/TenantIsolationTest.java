package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

/**
 * Row-level security is the net under the application's own tenant filter: these tests go around the
 * application (raw SQL as the application role) and still see only the current tenant's rows.
 */
@SystemTest
class TenantIsolationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestTenants tenants;

    TestTenant a;
    TestTenant b;

    @BeforeEach
    void twoTenants() {
        a = tenants.create();
        b = tenants.create();
    }

    @Test
    void applicationRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
        }
    }

    @Test
    void everyTableWithTenantIdHasForcedRowLevelSecurity() {
        List<String> unguarded = jdbc.sql("""
                select c.relname from pg_class c
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                 where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                   and not (c.relrowsecurity and c.relforcerowsecurity)
                """).query(String.class).list();
        assertThat(unguarded).isEmpty();
        long policies = jdbc.sql("select count(*) from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation'")
            .query(Long.class).single();
        assertThat(policies).isGreaterThanOrEqualTo(10);
    }

    @Test
    void rawQueryWithoutTenantFilterSeesOnlyTheTenantSetOnTheTransaction() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, a.id());
            List<UUID> tenantIds = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select distinct tenant_id from users")) {
                while (rs.next()) {
                    tenantIds.add(rs.getObject(1, UUID.class));
                }
            }
            assertThat(tenantIds).containsExactly(a.id());
            try (PreparedStatement ps = c.prepareStatement("select count(*) from users where tenant_id = ?")) {
                ps.setObject(1, b.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("tenant B's users asked for by id").isZero();
                }
            }
            c.rollback();
        }
    }

    @Test
    void noTenantSetMeansNoRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : List.of("users", "roles", "role_permissions", "user_roles", "access_log", "audit_log")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isZero();
                }
            }
            c.rollback();
        }
    }

    @Test
    void cannotWriteARowIntoAnotherTenant() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, a.id());
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into roles (tenant_id, id, code, name, system, created_at, updated_at)
                    values (?, ?, 'INTRUSO', 'Intruso', false, now(), now())
                    """)) {
                ps.setObject(1, b.id());
                ps.setObject(2, UUID.randomUUID());
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("row-level security");
            }
            c.rollback();
        }
    }

    @Test
    void tenantIsSetInsideTransactionsOfTheApplication() {
        String seen = TenantContext.callAs(a.id(), () -> tx.execute(s ->
                jdbc.sql("select current_setting('app.tenant_id', true)").query(String.class).single()));
        assertThat(seen).isEqualTo(a.id().toString());
        long others = TenantContext.callAs(a.id(), () -> tx.execute(s ->
                jdbc.sql("select count(*) from users where tenant_id = :b").param("b", b.id()).query(Long.class).single()));
        assertThat(others).isZero();
    }

    @Test
    void pooledConnectionReusedByAnotherTenantNeverSeesTheFirstTenantsSetting() {
        record Seen(int pid, String tenant) {
        }
        boolean reused = false;
        // Hikari hands a thread the connection it returned last; another pool user (the job scheduler)
        // may borrow it in between, so try a few times until one backend served all three transactions
        for (int attempt = 0; attempt < 10; attempt++) {
            Seen first = TenantContext.callAs(a.id(), () -> tx.execute(s -> jdbc
                .sql("select pg_backend_pid(), current_setting('app.tenant_id', true)")
                .query((rs, n) -> new Seen(rs.getInt(1), rs.getString(2))).single()));
            Seen none = tx.execute(s -> jdbc.sql("select pg_backend_pid(), current_setting('app.tenant_id', true)")
                .query((rs, n) -> new Seen(rs.getInt(1), rs.getString(2))).single());
            Seen second = TenantContext.callAs(b.id(), () -> tx.execute(s -> jdbc
                .sql("select pg_backend_pid(), current_setting('app.tenant_id', true)")
                .query((rs, n) -> new Seen(rs.getInt(1), rs.getString(2))).single()));
            assertThat(first.tenant()).isEqualTo(a.id().toString());
            assertThat(second.tenant()).isEqualTo(b.id().toString());
            if (none.pid() == first.pid() && second.pid() == first.pid()) {
                assertThat(none.tenant()).as("no tenant after A's transaction ended").isEmpty();
                reused = true;
                break;
            }
        }
        assertThat(reused).as("the pool reused one connection for the three transactions").isTrue();
        long usersSeenWithoutTenant = tx.execute(s -> jdbc.sql("select count(*) from users").query(Long.class).single());
        assertThat(usersSeenWithoutTenant).isZero();
    }

    @Test
    void auditLogIsAppendOnlyForTheApplication() {
        assertThatThrownBy(() -> TenantContext.runAs(a.id(), () -> tx.executeWithoutResult(s ->
                jdbc.sql("update audit_log set summary = 'changed'").update())))
            .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(a.id(), () -> tx.executeWithoutResult(s ->
                jdbc.sql("delete from audit_log").update())))
            .rootCause().hasMessageContaining("permission denied");
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }
}
