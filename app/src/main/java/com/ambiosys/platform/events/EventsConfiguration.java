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
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

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
     * Every {@code ambiosys.events.resubmit-interval}, the publications whose listener failed at least
     * {@code ambiosys.events.resubmit-after} ago are delivered again (the start-up delivers those an instance
     * left unhandled when it stopped).
     */
    @Bean
    RecurringTask<Void> resubmitIncompletePublicationsTask(FailedEventPublications failed,
            @Value("${ambiosys.events.resubmit-interval:1m}") Duration interval,
            @Value("${ambiosys.events.resubmit-after:1m}") Duration after) {
        return Tasks.recurring("platform-resubmit-incomplete-events", FixedDelay.of(interval))
            .execute((instance, context) -> {
                log.debug("Delivering again the event publications failed more than {} ago", after);
                // a listener that threw; publications left unhandled by an instance that stopped are delivered again
                // at the next start (republish-outstanding-events-on-restart). Resubmitting the incomplete ones here
                // as well would deliver a failed publication twice: resubmitted, it is still incomplete.
                failed.resubmit(ResubmissionOptions.defaults().withMinAge(after));
            });
    }
}
