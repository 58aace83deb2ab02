package com.ambiosys.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

import com.ambiosys.platform.tenancy.TenantScoped;
import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.support.SystemTest;

/**
 * A module listener that fails does not lose its event: the publication stays incomplete and the job
 * delivers it again once the failure has cleared; and every delivery runs in the event's tenant, inside the
 * listener's own transaction (what row-level security sees).
 */
@SystemTest
@Import(EventRedeliverySystemTest.Listeners.class)
@TestPropertySource(properties = { "ambiosys.events.resubmit-interval=1s", "ambiosys.events.resubmit-after=1s" })
class EventRedeliverySystemTest {

    record Probe(UUID tenantId, String note) implements TenantScoped {
    }

    /** What the listener saw: the event, and the tenant its transaction had in PostgreSQL. */
    record Delivery(Probe probe, String databaseTenant) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        FlakyListener flakyListener(JdbcClient jdbc) {
            return new FlakyListener(jdbc);
        }
    }

    static class FlakyListener {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<Delivery> delivered = new CopyOnWriteArrayList<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();
        private final JdbcClient jdbc;

        FlakyListener(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        // the bean is a proxy (transaction, tenant): the test reaches its state through methods
        void failing(boolean value) {
            failing.set(value);
        }

        List<Delivery> delivered() {
            return delivered;
        }

        List<String> attempts() {
            return attempts;
        }

        @ApplicationModuleListener
        void on(Probe probe) {
            attempts.add(probe.note());
            if (failing.get()) {
                throw new IllegalStateException("the listener's dependency is down");
            }
            String tenant = jdbc.sql("select current_setting('app.tenant_id', true)").query(String.class).single();
            delivered.add(new Delivery(probe, tenant));
        }
    }

    @Autowired
    FlakyListener listener;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TenantTransactions tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventsSettled settled;

    @Test
    void failedListenersEventIsDeliveredAgainOnceTheFailureClears() {
        UUID tenant = UUID.randomUUID();
        Probe probe = new Probe(tenant, "failing-" + tenant);
        listener.failing(true);
        try {
            tx.run(tenant, status -> events.publishEvent(probe)); // the publisher's work commits whatever the listener does

            // module listeners run on their own threads, after the commit
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.attempts()).contains(probe.note()));
            assertThat(settled.await(Duration.ofSeconds(10))).isTrue(); // a failed publication counts as handled
            assertThat(listener.delivered()).extracting(Delivery::probe).doesNotContain(probe);
            assertThat(incompletePublicationsOf(probe)).isOne();
        }
        finally {
            listener.failing(false);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(listener.delivered()).extracting(Delivery::probe).contains(probe));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incompletePublicationsOf(probe)).isZero());
        assertThat(listener.delivered()).filteredOn(d -> d.probe().equals(probe)).hasSize(1);
    }

    @Test
    void listenerRunsInTheEventsTenantInsideItsOwnTransaction() {
        UUID tenant = UUID.randomUUID();
        Probe probe = new Probe(tenant, "tenant-" + tenant);

        tx.run(tenant, status -> events.publishEvent(probe));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listener.delivered()).contains(new Delivery(probe, tenant.toString())));
    }

    private long incompletePublicationsOf(Probe probe) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
            .param("%" + probe.note() + "%")
            .query(Long.class).single();
    }
}
