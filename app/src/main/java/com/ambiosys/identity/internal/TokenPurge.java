package com.ambiosys.identity.internal;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.tenants.TenantManagement;

/**
 * Deletes expired refresh and reset tokens, tenant by tenant, each in its own tenant context, and the login
 * back-off counts nobody has added to for a while.
 */
@Component
public class TokenPurge {

    private static final Logger log = LoggerFactory.getLogger(TokenPurge.class);

    private final TenantManagement tenants;
    private final RefreshTokenStore refreshTokens;
    private final PasswordResets resets;
    private final TenantTransactions tx;
    private final LoginBackoff backoff;

    TokenPurge(TenantManagement tenants, RefreshTokenStore refreshTokens, PasswordResets resets, TenantTransactions tx,
            LoginBackoff backoff) {
        this.backoff = backoff;
        this.tenants = tenants;
        this.refreshTokens = refreshTokens;
        this.resets = resets;
        this.tx = tx;
    }

    /** Returns how many tokens were deleted in all tenants (plus the stale login back-off counts). */
    public int purgeAll() {
        int total = backoff.purgeStale();
        for (UUID tenant : tenants.activeTenantIds()) {
            total += tx.call(tenant, status -> refreshTokens.purgeExpired() + resets.purgeExpired());
        }
        if (total > 0) {
            log.info("Purged {} expired tokens", total);
        }
        return total;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> purgeExpiredTokensTask(TokenPurge purge,
                @Value("${ambiosys.jobs.token-purge-interval:1h}") Duration interval) {
            return Tasks.recurring("identity-purge-expired-tokens", FixedDelay.of(interval))
                .execute((instance, context) -> purge.purgeAll());
        }
    }
}
