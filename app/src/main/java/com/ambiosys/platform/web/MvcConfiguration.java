package com.ambiosys.platform.web;

import java.util.List;

import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.ambiosys.platform.security.PermissionInterceptor;

@Configuration(proxyBeanMethods = false)
class MvcConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ConversionService> conversions;
    private final ObjectProvider<Validator> validator;

    MvcConfiguration(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions,
            ObjectProvider<Validator> validator) {
        this.conversions = conversions;
        this.validator = validator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ControlCharacterParameterInterceptor());
        registry.addInterceptor(new PermissionInterceptor()).addPathPatterns("/api/**")
            .excludePathPatterns("/api/docs", "/api/docs/**"); // OpenAPI, served by springdoc
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryRecordArguments(conversions::getObject, validator::getObject));
    }

    /**
     * A word of the domain in a query parameter or path is its exact name: no trimming, and an empty value is
     * refused, not read as absent (Spring's default conversion does both), as the patterns these enums replace did.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ExactEnumNames());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class ExactEnumNames implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<?> type = targetType;
            while (type != null && !type.isEnum()) {
                type = type.getSuperclass(); // a constant with a body
            }
            Class enumType = type;
            return source -> (T) Enum.valueOf(enumType, source);
        }
    }
}
