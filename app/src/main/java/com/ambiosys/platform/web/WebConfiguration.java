package com.ambiosys.platform.web;

import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import tools.jackson.databind.cfg.EnumFeature;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale SPANISH = Locale.forLanguageTag("es");

    /** Spanish first: a request without Accept-Language, or in a language we lack, gets Spanish. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(SPANISH, Locale.ENGLISH));
        resolver.setDefaultLocale(SPANISH);
        return resolver;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> bean = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestBytes(), problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ReadAdmissionFilter> readAdmissionFilter(WebProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<ReadAdmissionFilter> bean = new FilterRegistrationBean<>(
                new ReadAdmissionFilter(properties.concurrentReads(), properties.readQueueTimeout(), problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return bean;
    }

    /**
     * An unknown enum value in a request body is a field error ({@link EnumBodyValues}); so is a number or a
     * quoted number, which Jackson would otherwise read as the index of a value ("1" as the second status).
     */
    @Bean
    JsonMapperBuilderCustomizer unknownEnumValuesAreFieldErrors() {
        return builder -> builder.addHandler(new EnumBodyValues.Handler()).enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /** A field our API does not know, in a request body, is a field error ({@link UnknownBodyFields}). */
    @Bean
    JsonMapperBuilderCustomizer unknownBodyFieldsAreFieldErrors() {
        return builder -> builder.addHandler(new UnknownBodyFields.Handler());
    }

    /**
     * Bean validation checks request records and commands, never JPA entities, so it need not ask JPA
     * whether each property is loaded before reading it (Hibernate Validator's default when JPA is
     * present, which cost a reflective lookup per property of every validated request).
     */
    @Bean
    ValidationConfigurationCustomizer everyPropertyReachable() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }
        });
    }
}
