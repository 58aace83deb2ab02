package com.ambiosys.audit.internal;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiUsageConfiguration {

    /** Order 0: after Spring Security's chain (-100) has authenticated the request. */
    @Bean
    FilterRegistrationBean<ApiUsageFilter> apiUsageFilter(ApiUsageRecorder recorder, Clock clock) {
        FilterRegistrationBean<ApiUsageFilter> bean = new FilterRegistrationBean<>(new ApiUsageFilter(recorder, clock));
        bean.setOrder(0);
        return bean;
    }
}
