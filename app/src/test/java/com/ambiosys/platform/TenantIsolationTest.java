package com.ambiosys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The SECURITY DEFINER functions that run as the owner (past row-level security) without reading
     * app.tenant_id, each with why; SecurityDefinerFunctionsTest calls each one with two tenants.
     */
    static final Map<String, String> DEFINERS_WITHOUT_TENANT = Map.of(
            "identity_login_candidates", "login and password reset know an email before they know the tenant",
            "inbox_whatsapp_channel", "a WhatsApp webhook names its phone number id, not its tenant",
            "inbox_whatsapp_channels_by_verify_token", "Meta's verification handshake names only the verify token",
            "inbox_simulated_channel", "the simulator's Graph API side knows only the phone number id",
            "inbox_simulated_channels_of_waba", "the simulator's template list knows only the business account",
            "simulator_media_owner", "the simulator's media endpoints know only the media id",
            "simulator_unreported", "the simulator's sweep runs without a tenant over every tenant's messages",
            "customers_matching", "reads no setting itself: it answers customers_search, which is tenant-bound");

    @Test
    void everyRowLevelSecurityPolicyComparesTenantIdWithTheTransactionsTenant() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(CatalogChecks.policyFaults(c, "public")).isEmpty();
        }
    }

    @Test
    void policyCheckFailsOnAnOpenPolicyAnotherColumnAWidenedComparisonAndAMissingWithCheck() throws SQLException {
        String bound = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid";
        String otherColumn = "owner_id = nullif(current_setting('app.tenant_id', true), '')::uuid";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String[] probe : new String[][] {
                    { "probe_open", "using (true) with check (" + bound + ")" },
                    { "probe_other_column", "using (" + otherColumn + ") with check (" + otherColumn + ")" },
                    { "probe_widened", "using (" + bound + " or true) with check (" + bound + ")" },
                    { "probe_unchecked", "using (" + bound + ")" },
                    { "probe_insert_open", "for insert with check (true)" },
                    { "probe_sound", "using (" + bound + ") with check (" + bound + ")" } }) {
                st.execute("create temporary table " + probe[0] + " (tenant_id uuid, owner_id uuid) on commit drop");
                st.execute("alter table " + probe[0] + " enable row level security");
                st.execute("create policy tenant_isolation on " + probe[0] + " " + probe[1]);
            }
            List<String> faults = CatalogChecks.policyFaults(c, temporarySchema(c));
            c.rollback();
            assertThat(faults).extracting(f -> f.substring(0, f.indexOf(' '))).containsExactlyInAnyOrder(
                    "probe_insert_open.tenant_isolation", "probe_open.tenant_isolation",
                    "probe_other_column.tenant_isolation", "probe_other_column.tenant_isolation",
                    "probe_unchecked.tenant_isolation", "probe_widened.tenant_isolation");
        }
    }

    @Test
    void everySecurityDefinerFunctionReadsTheTenantOrIsAllowListedWithItsReason() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(CatalogChecks.definerFaults(c, "public", DEFINERS_WITHOUT_TENANT.keySet())).isEmpty();
            List<String> definers = CatalogChecks.definers(c, "public").stream().map(CatalogChecks.Definer::name).toList();
            assertThat(definers).as("allow-listed functions that still exist").containsAll(DEFINERS_WITHOUT_TENANT.keySet());
            assertThat(SecurityDefinerFunctionsTest.EXERCISED).as("definer functions called with two tenants")
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(definers));
        }
    }

    @Test
    void definerCheckFailsOnAFunctionThatNeitherReadsTheTenantNorIsAllowListed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("create temporary table probe_anchor (x int) on commit drop");
            st.execute("""
                    create function pg_temp.probe_leaky() returns bigint language sql stable security definer
                    as $$ select count(*) from users $$""");
            st.execute("""
                    create function pg_temp.probe_bound() returns bigint language sql stable security definer
                    as $$ select count(*) from users where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid $$""");
            st.execute("""
                    create function pg_temp.probe_allowed() returns bigint language sql stable security definer
                    as $$ select count(*) from tenants $$""");
            st.execute("create function pg_temp.probe_invoker() returns bigint language sql stable as $$ select count(*) from users $$");
            List<String> faults = CatalogChecks.definerFaults(c, temporarySchema(c), Set.of("probe_allowed"));
            c.rollback();
            assertThat(faults).containsExactly("probe_leaky");
        }
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

    private static String temporarySchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select nspname from pg_namespace where oid = pg_my_temp_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }
}
