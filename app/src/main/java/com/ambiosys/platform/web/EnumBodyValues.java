package com.ambiosys.platform.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * A word of the domain (an enum) in a JSON body that is not one of its values (or one of a map's keys) is a field
 * error like any other, reported with the body's other invalid fields in one 400 validation problem, not a malformed body:
 * while a body is read, Jackson leaves such a value null and names its field here; once read, the body
 * is refused with those fields ({@link UnknownValuesException}, rendered with the body's own violations).
 */
@ControllerAdvice
class EnumBodyValues extends RequestBodyAdviceAdapter {

    private static final String FIELDS = EnumBodyValues.class.getName() + ".fields";

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
            request.setAttribute(FIELDS, new ArrayList<String>(), RequestAttributes.SCOPE_REQUEST);
        }
        return inputMessage;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<String> fields = fields();
        RequestContextHolder.currentRequestAttributes().removeAttribute(FIELDS, RequestAttributes.SCOPE_REQUEST);
        if (fields != null && !fields.isEmpty()) {
            throw new UnknownValuesException(body, fields);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (List<String>) request.getAttribute(FIELDS, RequestAttributes.SCOPE_REQUEST);
    }

    /** Jackson's side: an unknown enum value in a request body being read becomes null, its field noted. */
    static final class Handler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMsg) {
            List<String> fields = targetType.isEnum() ? fields() : null;
            if (fields == null) {
                return NOT_HANDLED;
            }
            fields.add(field(context.getParser().streamReadContext()));
            return null;
        }

        /** The same for a number where an enum is expected (not read as the index of a value). */
        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMsg) {
            List<String> fields = targetType.isEnum() ? fields() : null;
            if (fields == null) {
                return NOT_HANDLED;
            }
            fields.add(field(context.getParser().streamReadContext()));
            return null;
        }

        /**
         * The same for an unknown enum key of a map (a weekday): the map's field is noted and the key read as the
         * enum's first value, which nothing sees (the body is refused); a null key would end the map there (an
         * EnumMap holds none) and leave the rest of it unread.
         */
        @Override
        public Object handleWeirdKey(DeserializationContext context, Class<?> rawKeyType, String keyValue,
                String failureMsg) {
            List<String> fields = rawKeyType.isEnum() ? fields() : null;
            if (fields == null) {
                return NOT_HANDLED;
            }
            fields.add(field(context.getParser().streamReadContext().getParent()));
            return rawKeyType.getEnumConstants()[0];
        }

        /** The name of the property being read (of the list holding the value, for an element). */
        private static String field(TokenStreamContext context) {
            for (TokenStreamContext c = context; c != null; c = c.getParent()) {
                if (c.currentName() != null) {
                    return c.currentName();
                }
            }
            return "body";
        }
    }

    /** A body with unknown enum values in {@code fields}: a 400 validation problem naming them. */
    static final class UnknownValuesException extends RuntimeException {

        private final transient Object body;
        private final List<String> fields;

        UnknownValuesException(Object body, List<String> fields) {
            super("Unknown values in " + fields, null, false, false);
            this.body = body;
            this.fields = List.copyOf(fields);
        }

        Object body() {
            return body;
        }

        List<String> fields() {
            return fields;
        }
    }
}
