package com.ambiosys.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.ambiosys.inbox.Channels;
import com.ambiosys.inbox.Channels.SimulatedChannel;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Meta's status webhooks for what the platform sent to a phone: sent and delivered shortly after it came (by
 * timers), read when the tester opens the thread, and the ones a lost timer did not post, found again by a job.
 */
@Component
@SimulatorEnabled
class StatusReports {

    private static final Logger log = LoggerFactory.getLogger(StatusReports.class);

    /** How long after the platform's send a message whose delivery was not reported counts as missed by its timers. */
    static final Duration MISSED_AFTER = Duration.ofSeconds(10);

    /** An outbound message whose delivery was not reported (simulator_unreported, V33). */
    record Missed(UUID tenantId, UUID channelId, String waId, String wamid, String reported) {
    }

    private record ChannelKey(UUID tenantId, UUID channelId) {
    }

    private final SimulatorStore store;
    private final Channels channels;
    private final CloudWebhooks webhooks;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-statuses");
        t.setDaemon(true);
        return t;
    });

    StatusReports(SimulatorStore store, Channels channels, CloudWebhooks webhooks, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    /** Reports a message the platform just sent as sent, then delivered, as Meta does a moment after. */
    void sentThenDelivered(SimulatedChannel channel, String recipient, String wamid) {
        later.schedule(() -> report(channel, recipient, wamid, "SENT"), 200, TimeUnit.MILLISECONDS);
        later.schedule(() -> report(channel, recipient, wamid, "DELIVERED"), 600, TimeUnit.MILLISECONDS);
    }

    /**
     * Posts a status webhook and, when the platform took it, moves the thread's status and the status reported
     * forward. Answers whether the platform took it.
     */
    boolean report(SimulatedChannel channel, String recipient, String wamid, String status) {
        int answer;
        try {
            answer = webhooks.post(channel, CloudWebhooks.status(wamid, status.toLowerCase(Locale.ROOT), recipient,
                    clock.instant()));
        }
        catch (RuntimeException ex) {
            log.warn("The simulator's status {} of {} was not posted: {}", status, wamid, ex.getMessage());
            return false;
        }
        if (answer != 200) {
            log.warn("The platform answered {} to the simulator's status {} of {}", answer, status, wamid);
            return false;
        }
        store.advance(channel.tenantId(), wamid, status);
        return true;
    }

    /**
     * The statuses a lost timer did not post (a restart between the platform's send and its statuses, or the platform
     * down then): for every tenant's outbound messages of the last day whose delivery was not reported
     * {@link #MISSED_AFTER} after they came, sent (if it was not) and then delivered, as the timers would have.
     * Answers how many were reported delivered. Run every 30 s ({@code simulator-report-missed-statuses}).
     */
    int reportMissed() {
        Instant now = clock.instant();
        List<Missed> missed = store.unreported(now.minus(Duration.ofDays(1)), now.minus(MISSED_AFTER));
        int delivered = 0;
        // a channel is looked up once per run, not once per message (a lost timer leaves many of one channel)
        Map<ChannelKey, Optional<SimulatedChannel>> byChannel = new HashMap<>();
        for (Missed m : missed) {
            Optional<SimulatedChannel> channel = byChannel.computeIfAbsent(new ChannelKey(m.tenantId(), m.channelId()),
                    k -> channels.simulatedOf(k.tenantId(), k.channelId()));
            if (channel.isEmpty()) { // no longer simulated, or gone
                continue;
            }
            if ((m.reported() == null && !report(channel.get(), m.waId(), m.wamid(), "SENT"))
                    || !report(channel.get(), m.waId(), m.wamid(), "DELIVERED")) {
                continue;
            }
            delivered++;
        }
        if (delivered > 0) {
            log.info("The simulator reported {} missed deliveries", delivered);
        }
        return delivered;
    }

    @Configuration(proxyBeanMethods = false)
    @SimulatorEnabled
    static class Schedule {
        @Bean
        RecurringTask<Void> simulatorMissedStatusesTask(StatusReports reports) {
            return Tasks.recurring("simulator-report-missed-statuses", FixedDelay.of(Duration.ofSeconds(30)))
                .execute((instance, context) -> reports.reportMissed());
        }
    }
}
