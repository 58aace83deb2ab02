package com.ambiosys.platform.sweeps;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.ambiosys.support.TestTenants;

/**
 * A valid request body for a handler's body type, made from the record's components and their
 * validation annotations: required components get a value, optional ones stay out, and components
 * that carry ids get the id of the matching kind (from {@code ids}, so that the sweeps can point a
 * body at another tenant's records). A few values cannot be read off the annotations; they are
 * named here by component.
 */
final class SampleBodies {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Values by component name, for components whose valid values the annotations do not spell out. */
    private static final Map<String, Function<Integer, Object>> BY_NAME = Map.ofEntries(
            Map.entry("email", n -> "barrido" + n + "@sweep.example"), Map.entry("phone", n -> "+5025555" + (1000 + n % 9000)),
            Map.entry("timeZone", n -> "America/Guatemala"), Map.entry("skuPrefix", n -> "SW" + n % 1000),
            Map.entry("code", n -> "SWEEP_" + n), Map.entry("shortCode", n -> "sweep-" + n),
            Map.entry("phoneNumberId", n -> String.valueOf(700_000_000_000L + n)), Map.entry("departmentId", n -> "GT-01"),
            Map.entry("municipalityId", n -> "GT-0101"), Map.entry("password", n -> TestTenants.PASSWORD),
            Map.entry("newPassword", n -> TestTenants.PASSWORD), Map.entry("accessToken", n -> "EAAG-token-barrido"),
            Map.entry("appSecret", n -> "secreto-barrido"), Map.entry("verifyToken", n -> "verificar-barrido"),
            Map.entry("permissions", n -> List.of("customers:view")), Map.entry("week", n -> Map.of()),
            Map.entry("query", n -> Map.of("q", "barrido")), Map.entry("to", n -> "IN_REVIEW"), Map.entry("text", n -> "Hola"));

    /** Optional components that a valid body still needs (what else the handler requires depends on another component). */
    private static final java.util.Set<String> ALWAYS = java.util.Set.of("text");

    private SampleBodies() {
    }

    /** A valid body of {@code type} for the route, with the ids of {@code ids}; {@code allIds}: optional id components too. */
    static Map<String, Object> of(String pattern, Class<?> type, Map<String, String> ids, boolean allIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        int n = SEQ.incrementAndGet();
        for (RecordComponent c : type.getRecordComponents()) {
            Field field = field(type, c.getName());
            String kind = Kinds.ofField(pattern, c.getName());
            boolean required = field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class)
                    || field.isAnnotationPresent(NotEmpty.class);
            if (kind != null && ids.containsKey(kind) && (required || allIds)) {
                body.put(c.getName(), Collection.class.isAssignableFrom(c.getType()) ? List.of(ids.get(kind)) : ids.get(kind));
            }
            else if (required || ALWAYS.contains(c.getName())) {
                body.put(c.getName(), value(pattern, c, field, ids, n));
            }
        }
        return body;
    }

    /** The names of the body's components that hold text (where the bad-input corpus goes). */
    static List<String> textComponents(Class<?> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).filter(c -> c.getType() == String.class)
            .map(RecordComponent::getName).toList();
    }

    private static Object value(String pattern, RecordComponent c, Field field, Map<String, String> ids, int n) {
        if (BY_NAME.containsKey(c.getName())) {
            return BY_NAME.get(c.getName()).apply(n);
        }
        Class<?> t = c.getType();
        if (t == String.class) {
            Pattern regex = field.getAnnotation(Pattern.class);
            if (regex != null && regex.regexp().matches("\\^?[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*\\$?")) {
                return regex.regexp().replace("^", "").replace("$", "").split("\\|")[0];
            }
            return "Barrido " + n;
        }
        if (t == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0].toString();
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == BigDecimal.class
                || t == Double.class || t == double.class) {
            return 1;
        }
        if (t == Boolean.class || t == boolean.class) {
            return Boolean.FALSE;
        }
        if (t == Instant.class) {
            return Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        }
        if (t == LocalDate.class) {
            return LocalDate.now().toString();
        }
        if (Collection.class.isAssignableFrom(t)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(t)) {
            return Map.of();
        }
        if (t.isRecord()) {
            return of(pattern, t, ids, false);
        }
        return null;
    }

    /** The element type of a collection component, or null. */
    static Class<?> elementType(RecordComponent c) {
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        }
        catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
