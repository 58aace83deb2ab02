package com.ambiosys.platform.events;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The tenant of module listeners, and the job that delivers again the publications whose listener failed
 * (the start-up does it too: {@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TenantListenerAdvisor tenantListenerAdvisor() {
        return new TenantListenerAdvisor();
    }

    /**
     * Every {@code ambiosys.events.resubmit-interval}, the publications still incomplete after
     * {@code ambiosys.events.resubmit-after} are delivered again (a listener that failed, or an instance
     * that stopped before its listener ran).
     */
    @Bean
    RecurringTask<Void> resubmitIncompletePublicationsTask(IncompleteEventPublications incomplete,
            @Value("${ambiosys.events.resubmit-interval:1m}") Duration interval,
            @Value("${ambiosys.events.resubmit-after:1m}") Duration after) {
        return Tasks.recurring("platform-resubmit-incomplete-events", FixedDelay.of(interval))
            .execute((instance, context) -> {
                log.debug("Delivering again the event publications incomplete for more than {}", after);
                incomplete.resubmitIncompletePublicationsOlderThan(after);
            });
    }
}
