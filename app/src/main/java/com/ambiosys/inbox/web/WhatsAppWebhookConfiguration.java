package com.ambiosys.inbox.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.ambiosys.inbox.WhatsAppIngest;
import com.ambiosys.platform.web.ProblemWriter;
import com.ambiosys.platform.web.WebProperties;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class WhatsAppWebhookConfiguration {

    /** First of the filters, and only on the webhook's path: see {@link WhatsAppWebhookFilter}. */
    @Bean
    FilterRegistrationBean<WhatsAppWebhookFilter> whatsAppWebhookFilter(WhatsAppIngest ingest, ProblemWriter problems,
            WebProperties web, MeterRegistry meters) {
        FilterRegistrationBean<WhatsAppWebhookFilter> bean = new FilterRegistrationBean<>(
                new WhatsAppWebhookFilter(ingest, problems, web.maxRequestBytes(), meters));
        bean.addUrlPatterns(WhatsAppWebhookFilter.PATH);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
