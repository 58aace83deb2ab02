package com.ambiosys.platform.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * What a request body advice shares that lets Jackson note fields while Spring reads one of our bodies: a list, kept
 * in the request under the advice's key from {@link #beforeBodyRead} until the body is read (or found empty), that
 * Jackson's problem handlers add to through {@link #noted}; a body read with fields noted is refused with
 * {@link #refusal}. Raw {@code byte[]} bodies (webhooks) are not read by Jackson here and note nothing.
 */
abstract class BodyFieldNotes extends RequestBodyAdviceAdapter {

    private final String key;

    BodyFieldNotes(String key) {
        this.key = key;
    }

    /** The exception that refuses a body read with these fields noted (a 400 validation problem). */
    abstract RuntimeException refusal(Object body, List<String> fields);

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType() != byte[].class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(key, new ArrayList<String>(), RequestAttributes.SCOPE_REQUEST);
        }
        return inputMessage;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<String> fields = noted(key);
        forget();
        if (fields != null && !fields.isEmpty()) {
            throw refusal(body, fields);
        }
        return body;
    }

    /** An empty body is not read past {@link #beforeBodyRead}: the rest of the request reads JSON as usual. */
    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        forget();
        return body;
    }

    private void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(key, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The fields noted so far under {@code key} while one of our bodies is read; null when none is being read. */
    @SuppressWarnings("unchecked")
    static List<String> noted(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (List<String>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
    }
}
