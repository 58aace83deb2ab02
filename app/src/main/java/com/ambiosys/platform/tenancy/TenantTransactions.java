package com.ambiosys.platform.tenancy;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
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

    TenantTransactions(PlatformTransactionManager transactions) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
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
