package com.ambiosys.platform.tenancy;

import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work in a tenant's transaction, for code that learns the tenant from something other than the
 * signed-in user (a token, a job's loop over tenants, a login). The tenant is set before the
 * transaction begins, which is when {@link TenantAwareTransactionManager} hands it to PostgreSQL;
 * setting it inside an already running transaction would not reach row-level security.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;
    private final TransactionTemplate jdbcWrites;

    TenantTransactions(PlatformTransactionManager transactions, DataSource dataSource) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.jdbcWrites = new TransactionTemplate(new TenantJdbcTransactionManager(dataSource));
    }

    /**
     * A write transaction on a plain JDBC connection, without the JPA {@code EntityManager} the usual one
     * opens and closes (a tenth of a WhatsApp webhook's CPU): for hot paths whose work is {@code JdbcClient}
     * or {@code JdbcTemplate} only. Nothing inside may be {@code @Transactional} or use JPA: joining would
     * fail. The tenant is set the same way.
     */
    public <T> T callJdbc(UUID tenantId, TransactionCallback<T> work) {
        return TenantContext.callAs(tenantId, () -> jdbcWrites.execute(work));
    }

    /**
     * {@link TenantAwareTransactionManager}'s {@code set_config} on a JDBC-only transaction, and generic plans for
     * its statements (the hot path's statements are the same every time, with other values: no planning per call).
     * On the inbox benchmark that took the webhooks' acknowledgement p99 from 225-282 ms to 81-88 ms
     * (docs/performance-history.md, inbox section).
     */
    static final class TenantJdbcTransactionManager extends DataSourceTransactionManager {

        TenantJdbcTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void prepareTransactionalConnection(java.sql.Connection con, TransactionDefinition definition)
                throws java.sql.SQLException {
            super.prepareTransactionalConnection(con, definition);
            TenantAwareTransactionManager.applyTenant(con, TenantContext.current().orElse(null),
                    TenantAwareTransactionManager.SET_TENANT_GENERIC_PLANS);
        }
    }

    public <T> T call(UUID tenantId, TransactionCallback<T> work) {
        return TenantContext.callAs(tenantId, () -> writes.execute(work));
    }

    public void run(UUID tenantId, Consumer<TransactionStatus> work) {
        TenantContext.runAs(tenantId, () -> writes.executeWithoutResult(work));
    }

    public <T> T read(UUID tenantId, TransactionCallback<T> work) {
        return TenantContext.callAs(tenantId, () -> reads.execute(work));
    }
}
