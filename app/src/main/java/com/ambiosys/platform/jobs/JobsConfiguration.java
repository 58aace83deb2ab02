package com.ambiosys.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ambiosys.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobsConfiguration {

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${ambiosys.jobs.polling-interval:10s}") Duration pollingInterval,
            @Value("${ambiosys.jobs.threads:4}") int threads) {
        List<RecurringTask<?>> recurring = new ArrayList<>();
        List<Task<?>> others = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof RecurringTask<?> r && r instanceof OnStartup) {
                recurring.add(r);
            }
            else {
                others.add(task);
            }
        }
        return Scheduler.create(dataSource, others)
            .startTasks(recurring)
            .threads(threads)
            .pollingInterval(pollingInterval)
            .pollUsingLockAndFetch(0.5, 1.0)
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(10))
            .build();
    }

    /** Starts polling once the context is up (migrations done) and stops before the pool closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (running) {
                    return;
                }
                scheduler.start();
                running = true;
            }

            /**
             * A db-scheduler cannot start again once stopped, so a paused test context (Spring 7 stops the
             * lifecycle of cached contexts not in use) keeps its scheduler running instead.
             */
            @Override
            public boolean isPauseable() {
                return false;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
