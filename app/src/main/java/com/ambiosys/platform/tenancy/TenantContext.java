package com.ambiosys.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant of the work running on this thread. Set from the authenticated principal for requests,
 * and explicitly by jobs for each tenant they process. Each transaction copies it into PostgreSQL
 * ({@code app.tenant_id}) when it begins; with none set, row-level security shows no rows.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant in context");
        }
        return tenant;
    }

    /** Runs work as the tenant; the previous tenant (if any) is restored afterwards. */
    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        }
        finally {
            restore(previous);
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** For filters that span a whole request: open a scope and close it in {@code finally}. */
    public static Scope open(UUID tenantId) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        return () -> restore(previous);
    }

    private static void restore(UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(previous);
        }
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
