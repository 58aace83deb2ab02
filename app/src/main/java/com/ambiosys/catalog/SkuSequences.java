package com.ambiosys.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.tenancy.TenantContext;

/**
 * Gives the next SKU of a prefix: {@code SAN-0001}, {@code SAN-0002}, ... per tenant. The upsert locks
 * the prefix's row until the creating transaction ends, so concurrent creations queue instead of
 * colliding; a creation that rolls back gives its number back with it (no item ever had it), so the
 * numbers stay gapless and a SKU that was ever stored is never given again.
 */
@Component
class SkuSequences {

    private final JdbcClient jdbc;

    SkuSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String prefix) {
        long value = jdbc.sql("""
                insert into catalog_sku_sequences (tenant_id, prefix, last_value) values (:t, :prefix, 1)
                on conflict (tenant_id, prefix) do update set last_value = catalog_sku_sequences.last_value + 1
                returning last_value
                """)
            .param("t", TenantContext.require()).param("prefix", prefix).query(Long.class).single();
        return format(prefix, value);
    }

    static String format(String prefix, long value) {
        return prefix + "-" + String.format("%04d", value);
    }
}
