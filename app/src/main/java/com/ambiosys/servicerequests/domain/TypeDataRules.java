package com.ambiosys.servicerequests.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The rules for the type-specific data of a service request, by the service type's schema: portable
 * toilets (units, model, rental period, event or permanent, cleanings per week), septic tank (water
 * type, volume m³, access conditions, hose distance), wastewater plant (flow m³/day, design
 * parameters, site survey), or free form. Answers the data in its stored form, or the problems, each
 * with its field ({@code typeData.units}) and a message code.
 */
public final class TypeDataRules {

    public enum Schema {
        PORTABLE_TOILETS, SEPTIC_TANK, WASTEWATER_PLANT, FREE_FORM
    }

    /** A problem with one field: the code names a message ({@code sr.data.<code>}) taking {@code args}. */
    public record Problem(String field, String code, List<Object> args) {
    }

    public record Result(Map<String, Object> data, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private TypeDataRules() {
    }

    public static Result check(Schema schema, JsonNode data) {
        Checker c = new Checker(data);
        if (data != null && !data.isNull() && !data.isObject()) {
            c.problem("typeData", "not-an-object");
            return c.result();
        }
        switch (schema) {
            case PORTABLE_TOILETS -> {
                c.integer("units", true, 1, 500);
                c.oneOf("model", true, Set.of("STANDARD", "VIP", "ACCESSIBLE", "HANDWASH_STATION"));
                String usage = c.oneOf("usage", true, Set.of("EVENT", "PERMANENT"));
                LocalDate start = c.date("rentalStart", true);
                LocalDate end = c.date("rentalEnd", "EVENT".equals(usage));
                if (start != null && end != null && end.isBefore(start)) {
                    c.problem("rentalEnd", "before-start");
                }
                c.integer("cleaningsPerWeek", true, 0, 14);
                c.onlyKnown(Set.of("units", "model", "usage", "rentalStart", "rentalEnd", "cleaningsPerWeek", "notes"));
                c.text("notes", false, 1000);
            }
            case SEPTIC_TANK -> {
                c.oneOf("waterType", true, Set.of("BLACK", "GREY", "MIXED", "INDUSTRIAL"));
                c.decimal("volumeM3", true, new BigDecimal("0.1"), new BigDecimal("500"));
                c.text("accessConditions", true, 500);
                c.decimal("hoseDistanceM", true, BigDecimal.ZERO, new BigDecimal("300"));
                c.onlyKnown(Set.of("waterType", "volumeM3", "accessConditions", "hoseDistanceM", "notes"));
                c.text("notes", false, 1000);
            }
            case WASTEWATER_PLANT -> {
                c.decimal("flowM3PerDay", true, new BigDecimal("0.1"), new BigDecimal("100000"));
                c.oneOf("service", true, Set.of("DESIGN", "CONSTRUCTION", "OPERATION", "MAINTENANCE", "REPAIR"));
                c.bool("siteSurveyNeeded", true);
                c.designParameters();
                c.onlyKnown(Set.of("flowM3PerDay", "service", "siteSurveyNeeded", "designParameters", "notes"));
                c.text("notes", false, 1000);
            }
            case FREE_FORM -> c.freeForm();
        }
        return c.result();
    }

    private static final class Checker {
        private final JsonNode data;
        private final Map<String, Object> out = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();

        Checker(JsonNode data) {
            this.data = data;
        }

        Result result() {
            return new Result(problems.isEmpty() ? out : Map.of(), List.copyOf(problems));
        }

        void problem(String field, String code, Object... args) {
            problems.add(new Problem(field.equals("typeData") ? field : "typeData." + field, code, List.of(args)));
        }

        private JsonNode value(String field) {
            JsonNode v = data == null ? null : data.get(field);
            return v == null || v.isNull() || (v.isString() && v.asString().isBlank()) ? null : v;
        }

        private boolean required(String field, boolean required, JsonNode v) {
            if (v == null) {
                if (required) {
                    problem(field, "required");
                }
                return false;
            }
            return true;
        }

        Integer integer(String field, boolean required, int min, int max) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                problem(field, "not-an-integer");
                return null;
            }
            int n = v.asInt();
            if (n < min || n > max) {
                problem(field, "out-of-range", min, max);
                return null;
            }
            out.put(field, n);
            return n;
        }

        BigDecimal decimal(String field, boolean required, BigDecimal min, BigDecimal max) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            if (!v.isNumber()) {
                problem(field, "not-a-number");
                return null;
            }
            BigDecimal n = v.decimalValue();
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                problem(field, "out-of-range", min.toPlainString(), max.toPlainString());
                return null;
            }
            out.put(field, n);
            return n;
        }

        String oneOf(String field, boolean required, Set<String> values) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            if (!v.isString() || !values.contains(v.asString())) {
                problem(field, "not-one-of", String.join(", ", values.stream().sorted().toList()));
                return null;
            }
            out.put(field, v.asString());
            return v.asString();
        }

        String text(String field, boolean required, int maxLength) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            if (!v.isString()) {
                problem(field, "not-a-text");
                return null;
            }
            String s = v.asString().trim();
            if (s.length() > maxLength) {
                problem(field, "too-long", maxLength);
                return null;
            }
            out.put(field, s);
            return s;
        }

        LocalDate date(String field, boolean required) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(v.asString());
                out.put(field, d.toString());
                return d;
            }
            catch (DateTimeParseException ex) {
                problem(field, "not-a-date");
                return null;
            }
        }

        Boolean bool(String field, boolean required) {
            JsonNode v = value(field);
            if (!required(field, required, v)) {
                return null;
            }
            if (!v.isBoolean()) {
                problem(field, "not-a-boolean");
                return null;
            }
            out.put(field, v.asBoolean());
            return v.asBoolean();
        }

        void designParameters() {
            JsonNode p = value("designParameters");
            if (p == null) {
                return;
            }
            if (!p.isObject()) {
                problem("designParameters", "not-an-object");
                return;
            }
            Map<String, BigDecimal> limits = Map.of("bodMgL", new BigDecimal("100000"), "codMgL", new BigDecimal("200000"),
                    "tssMgL", new BigDecimal("100000"), "fatsOilsMgL", new BigDecimal("100000"), "ph", new BigDecimal("14"),
                    "temperatureC", new BigDecimal("100"));
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                String field = "designParameters." + e.getKey();
                BigDecimal max = limits.get(e.getKey());
                if (max == null) {
                    problem(field, "unknown-field");
                }
                else if (!e.getValue().isNumber()) {
                    problem(field, "not-a-number");
                }
                else if (e.getValue().decimalValue().signum() < 0 || e.getValue().decimalValue().compareTo(max) > 0) {
                    problem(field, "out-of-range", "0", max.toPlainString());
                }
                else {
                    parameters.put(e.getKey(), e.getValue().decimalValue());
                }
            }
            out.put("designParameters", parameters);
        }

        void onlyKnown(Set<String> known) {
            if (data == null || data.isNull()) {
                return;
            }
            for (String name : data.propertyNames()) {
                if (!known.contains(name)) {
                    problem(name, "unknown-field");
                }
            }
        }

        void freeForm() {
            if (data == null || data.isNull()) {
                return;
            }
            if (data.propertyNames().size() > 50) {
                problem("typeData", "too-many-fields", 50);
                return;
            }
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                JsonNode v = e.getValue();
                if (e.getKey().length() > 60) {
                    problem(e.getKey(), "too-long", 60);
                }
                else if (v.isString()) {
                    if (v.asString().length() > 2000) {
                        problem(e.getKey(), "too-long", 2000);
                    }
                    else {
                        out.put(e.getKey(), v.asString());
                    }
                }
                else if (v.isNumber()) {
                    out.put(e.getKey(), v.decimalValue());
                }
                else if (v.isBoolean()) {
                    out.put(e.getKey(), v.asBoolean());
                }
                else if (!v.isNull()) {
                    problem(e.getKey(), "not-a-simple-value");
                }
            }
        }
    }
}
