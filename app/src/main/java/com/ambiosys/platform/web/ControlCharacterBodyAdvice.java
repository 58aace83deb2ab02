package com.ambiosys.platform.web;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is checked for control characters once it is read, before the handler runs: a
 * 400 validation problem names the field ({@link ControlCharacters}), and nothing is stored.
 */
@ControllerAdvice
class ControlCharacterBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType() != byte[].class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        String field = ControlCharacters.firstField(body);
        if (field != null) {
            throw new InvalidTextException(field.isEmpty() ? "body" : field);
        }
        return body;
    }
}
