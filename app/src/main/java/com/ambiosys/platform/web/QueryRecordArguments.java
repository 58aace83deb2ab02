package com.ambiosys.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Binds the query parameters of a list endpoint to its record arguments ({@link PageQuery}, the filters)
 * without the reflection Spring's constructor binding repeats on every request (the constructor's
 * parameter annotations and nullness, read again for each component: a sixth of the CPU of a list
 * request). What each record needs is read once per type.
 * <p>
 * Only the plain case is taken here: every component a simple value or a collection of them, each given
 * as a query parameter (or absent), converted by the MVC conversion service, and the record valid. Anything
 * else, a value that does not convert, a violated constraint, a missing primitive, a parameter named like
 * a nested or marker field, goes to Spring's own {@link ServletModelAttributeMethodProcessor}, so binding
 * and validation errors are exactly what they were.
 */
final class QueryRecordArguments implements HandlerMethodArgumentResolver {

    /** How to build one record type: its canonical constructor and each component's name and type. */
    private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types, boolean[] primitive) {
    }

    private final HandlerMethodArgumentResolver spring;
    private final Supplier<ConversionService> conversions;
    private final Supplier<Validator> validator;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    QueryRecordArguments(Supplier<ConversionService> conversions, Supplier<Validator> validator) {
        this(conversions, validator, new ServletModelAttributeMethodProcessor(true));
    }

    /** With {@code spring}: what binds when this does not (Spring's processor; a test watches it). */
    QueryRecordArguments(Supplier<ConversionService> conversions, Supplier<Validator> validator,
            HandlerMethodArgumentResolver spring) {
        this.spring = spring;
        this.conversions = conversions;
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (!type.isRecord() || !type.getName().startsWith("com.ambiosys.")) {
            return false;
        }
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (!(annotation instanceof Valid)) {
                return false; // @RequestBody, @ModelAttribute with a name, @Validated groups...: Spring's
            }
        }
        return shape(type) != null;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) throws Exception {
        Object bound = bind(shape(parameter.getParameterType()), request);
        if (bound != null && parameter.hasParameterAnnotation(Valid.class)
                && !validator.get().validate(bound).isEmpty()) {
            bound = null;
        }
        return bound != null ? bound : spring.resolveArgument(parameter, container, request, binders);
    }

    /** The record from the query parameters, or null if Spring's binding should build it (or fail). */
    private Object bind(Shape shape, NativeWebRequest webRequest) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null) {
            return null;
        }
        for (String name : request.getParameterMap().keySet()) {
            if (name.startsWith("_") || name.startsWith("!") || name.indexOf('[') >= 0 || name.indexOf('.') >= 0) {
                return null; // field markers and defaults, indexed or nested names
            }
        }
        Map<?, ?> pathVariables = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        ConversionService conversion = conversions.get();
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            String name = shape.names()[i];
            String[] values = request.getParameterValues(name);
            if (values == null) {
                // Spring would look for a path variable or a header of that name; and a primitive needs a value
                if (shape.primitive()[i] || (pathVariables != null && pathVariables.containsKey(name))
                        || request.getHeader(name) != null) {
                    return null;
                }
                continue;
            }
            Object source = values.length == 1 ? values[0] : values;
            try {
                args[i] = conversion.convert(source, TypeDescriptor.forObject(source), shape.types()[i]);
            }
            catch (ConversionException ex) {
                return null;
            }
        }
        try {
            return shape.constructor().newInstance(args);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** The type's shape, or null when a component is not a simple value or a collection of them. */
    private Shape shape(Class<?> type) {
        Shape shape = shapes.computeIfAbsent(type, QueryRecordArguments::shapeOf);
        return shape.constructor() == null ? null : shape;
    }

    private static Shape shapeOf(Class<?> type) {
        Shape none = new Shape(null, null, null, null);
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(raw);
            constructor.setAccessible(true);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return none;
        }
        String[] names = new String[components.length];
        TypeDescriptor[] types = new TypeDescriptor[components.length];
        boolean[] primitive = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            TypeDescriptor descriptor = new TypeDescriptor(new MethodParameter(constructor, i));
            boolean simple = BeanUtils.isSimpleValueType(raw[i]) || (Collection.class.isAssignableFrom(raw[i])
                    && descriptor.getElementTypeDescriptor() != null
                    && BeanUtils.isSimpleValueType(descriptor.getElementTypeDescriptor().getType()));
            if (!simple) {
                return none;
            }
            names[i] = components[i].getName();
            types[i] = descriptor;
            primitive[i] = raw[i].isPrimitive();
        }
        return new Shape(constructor, names, types, primitive);
    }
}
