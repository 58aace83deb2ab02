package com.ambiosys.platform.events;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Waits until the module listeners have handled what was published: no publication is waiting or being
 * handled (one whose listener failed counts as handled; the job delivers it again). Module listeners run on
 * their own threads, after the publisher's commit; a start-up step whose result depends on them (the demo
 * tenant, complete before the product says it is ready) waits here.
 */
@Component
public class EventsSettled {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcClient jdbc;

    EventsSettled(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether every publication was handled within {@code timeout}. */
    public boolean await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Spring Modulith's registry (V1): incomplete publications not marked failed (published, processing, resubmitted). */
    private boolean busy() {
        return jdbc.sql("""
                select exists (select 1 from event_publication
                                where completion_date is null and status is distinct from 'FAILED')""")
            .query(Boolean.class).single();
    }
}
