package com.ambiosys.platform.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;

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
class EnumBodyValues extends BodyFieldNotes {

    private static final String FIELDS = EnumBodyValues.class.getName() + ".fields";

    EnumBodyValues() {
        super(FIELDS);
    }

    @Override
    RuntimeException refusal(Object body, List<String> fields) {
        return new UnknownValuesException(body, fields);
    }

    /** Jackson's side: an unknown enum value in a request body being read becomes null, its field noted. */
    static final class Handler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMsg) {
            return note(context, targetType);
        }

        /** The same for a number where an enum is expected (not read as the index of a value). */
        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMsg) {
            return note(context, targetType);
        }

        /** An enum's value that is none of its values, in one of our bodies: its field noted, the value read as null. */
        private static Object note(DeserializationContext context, Class<?> targetType) {
            List<String> fields = targetType.isEnum() ? noted(FIELDS) : null;
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
            List<String> fields = rawKeyType.isEnum() ? noted(FIELDS) : null;
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
