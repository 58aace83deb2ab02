package com.ambiosys.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JPA transaction manager that, right after a transaction begins, tells PostgreSQL whose transaction
 * it is with {@code set_config('app.tenant_id', ?, true)}. The setting is transaction-local, so a
 * pooled connection never carries it into another request. JPA repositories and {@code JdbcClient}
 * share the transaction's connection, so both are covered.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";
    /** {@link #SET_TENANT} and generic plans for the transaction's statements (TenantTransactions.callJdbc). */
    static final String SET_TENANT_GENERIC_PLANS =
            "select set_config('app.tenant_id', ?, true), set_config('plan_cache_mode', 'force_generic_plan', true)";

    public TenantAwareTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(getDataSource());
        if (holder == null) {
            throw new IllegalStateException("The JPA dialect did not expose the JDBC connection");
        }
        applyTenant(holder.getConnection(), TenantContext.current().orElse(null));
    }

    static void applyTenant(Connection connection, UUID tenant) {
        applyTenant(connection, tenant, SET_TENANT);
    }

    /** Runs {@code statement} (one of the two above) with the tenant as its parameter, "" for none. */
    static void applyTenant(Connection connection, UUID tenant, String statement) {
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            ps.setString(1, tenant == null ? "" : tenant.toString());
            ps.execute();
        }
        catch (SQLException ex) {
            throw new TransactionSystemException("Could not set the tenant of the transaction", ex);
        }
    }
}
