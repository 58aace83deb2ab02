package com.ambiosys.platform.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * A field our API does not know, in a request body, is a 400 validation problem naming it, and the request
 * does nothing: a misspelled field read as absent would otherwise clear what it meant to set. Only the bodies
 * of our own endpoints are held to this: while Spring reads one, Jackson notes each unknown property here;
 * everything else read with the same mapper (Meta's webhooks and answers, stored JSON, raw {@code byte[]}
 * bodies) still skips what it does not know, as Meta adds fields without notice.
 */
@ControllerAdvice
class UnknownBodyFields extends BodyFieldNotes {

    private static final String FIELDS = UnknownBodyFields.class.getName() + ".fields";

    UnknownBodyFields() {
        super(FIELDS);
    }

    @Override
    RuntimeException refusal(Object body, List<String> fields) {
        return new UnknownFieldsException(body, fields);
    }

    /** Jackson's side: an unknown property of a request body being read is skipped and its path noted. */
    static final class Handler extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
            List<String> fields = noted(FIELDS);
            if (fields == null) {
                return false; // not a request body of ours: Jackson's own setting decides (skip)
            }
            fields.add(path(context, parser, propertyName));
            parser.skipChildren();
            return true;
        }

        /**
         * {@code items[0].qty}: the property with the objects and lists that hold it, as bean validation names
         * them. A record's unknown properties are replayed from a buffer once its object is read (the body's
         * parser then stands past that object, in its holder); a bean's are met in place.
         */
        static String path(DeserializationContext context, JsonParser parser, String propertyName) {
            JsonParser body = context.getParser();
            TokenStreamContext holder;
            if (body != null && body != parser) {
                holder = body.streamReadContext();
            }
            else {
                TokenStreamContext object = parser.streamReadContext();
                if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                    object = object.getParent();
                }
                holder = object == null ? null : object.getParent();
            }
            String path = propertyName;
            for (TokenStreamContext c = holder; c != null && !c.inRoot(); c = c.getParent()) {
                path = c.inArray() ? "[" + c.getCurrentIndex() + "]" + (path.startsWith("[") ? "" : ".") + path
                        : c.currentName() + (path.startsWith("[") ? "" : ".") + path;
            }
            return path;
        }
    }

    /** A body with fields our API does not know, in {@code fields}: a 400 validation problem naming them. */
    static final class UnknownFieldsException extends RuntimeException {

        private final transient Object body;
        private final List<String> fields;

        UnknownFieldsException(Object body, List<String> fields) {
            super("Unknown fields " + fields, null, false, false);
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
