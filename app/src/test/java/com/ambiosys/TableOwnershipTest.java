package com.ambiosys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: no module's SQL reads or writes another module's tables (conventions.md,
 * docs/architecture.md "Modules own their data"). Other modules' data comes through their published API.
 *
 * <p>Who owns a table is derived from the migrations: a table belongs to the module whose name (or its
 * singular) begins the table's name ({@code customer_contacts}: customers; {@code simulator_phones}:
 * simulator), else to the module whose name begins the description of the migration that creates it
 * ({@code V2__identity.sql} creates {@code users}: identity). The SQL checked is every string of a module's
 * Java code, and the current body of every function and trigger function, which belongs to the module of
 * the migration that last defined it (a repeatable {@code R__<module>_...} file once it has moved there).
 * Foreign keys to another module's table are not reads or writes and are allowed.
 */
class TableOwnershipTest {

    /** The app module's folder: tests run in app/target (surefire's working directory) or in app. */
    private static final Path APP = Files.isDirectory(Path.of("src/main")) ? Path.of(".") : Path.of("..");
    private static final Path MIGRATIONS = APP.resolve("src/main/resources/db/migration").normalize();
    private static final Path SOURCES = APP.resolve("src/main/java/com/ambiosys").normalize();
    private static final List<String> MODULES = List.of("platform", "tenants", "identity", "audit", "files", "geo",
            "customers", "catalog", "servicerequests", "inbox", "simulator");
    /** Spring Modulith's and db-scheduler's tables, and the tenants' signing keys: the shared kernel's. */
    private static final Set<String> PLATFORM_TABLES = Set.of("event_publication", "event_publication_archive",
            "scheduled_tasks");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_FUNCTION = Pattern.compile(
            "(?is)create (?:or replace )?function ([a-z_][a-z0-9_]*)\\s*\\(.*?\\$\\$(.*?)\\$\\$");
    private static final Pattern DROP_FUNCTION = Pattern.compile("(?i)drop function (?:if exists )?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b");

    @Test
    void everyTableHasAnOwnerDerivedFromTheMigrations() throws IOException {
        Map<String, String> owners = owners();
        assertThat(owners).containsEntry("customers", "customers").containsEntry("customer_search_words", "customers")
            .containsEntry("users", "identity").containsEntry("service_requests", "servicerequests")
            .containsEntry("sla_policies", "servicerequests").containsEntry("simulator_phones", "simulator")
            .containsEntry("tenants", "tenants").containsEntry("stored_files", "files")
            .containsEntry("event_publication", "platform");
        assertThat(owners.values()).doesNotContain("?");
    }

    @Test
    void noModulesSqlReadsOrWritesAnotherModulesTables() throws IOException {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            if (!MODULES.contains(module)) {
                continue;
            }
            String sql = String.join("\n", strings(Files.readString(file)));
            for (String table : tablesUsed(sql)) {
                String owner = owners.get(table);
                if (owner != null && !owner.equals(module) && !"platform".equals(owner)) {
                    violations.add(module + " (" + file.getFileName() + ") uses " + owner + "'s table " + table);
                }
            }
        }
        functions().forEach((name, definition) -> {
            for (String table : tablesUsed(definition.body())) {
                String owner = owners.get(table);
                if (owner != null && !owner.equals(definition.module()) && !"platform".equals(owner)) {
                    violations.add(definition.module() + "'s function " + name + " (" + definition.file() + ") uses "
                            + owner + "'s table " + table);
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    /** table → module, from the migrations. */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        for (Path migration : migrations()) {
            String fileModule = moduleOf(migration);
            Matcher m = CREATE_TABLE.matcher(withoutComments(Files.readString(migration)));
            while (m.find()) {
                String table = m.group(1).toLowerCase();
                owners.put(table, PLATFORM_TABLES.contains(table) ? "platform" : byName(table, fileModule));
            }
        }
        return owners;
    }

    private record Definition(String module, String file, String body) {
    }

    /** Each function's last definition in the migrations' order (versions, then the repeatable ones); dropped ones left out. */
    private static Map<String, Definition> functions() throws IOException {
        Map<String, Definition> functions = new LinkedHashMap<>();
        for (Path migration : migrations()) {
            String sql = withoutComments(Files.readString(migration));
            Matcher drop = DROP_FUNCTION.matcher(sql);
            while (drop.find()) {
                functions.remove(drop.group(1).toLowerCase());
            }
            Matcher m = CREATE_FUNCTION.matcher(sql);
            while (m.find()) {
                String name = m.group(1).toLowerCase();
                functions.put(name, new Definition(byName(name, moduleOf(migration)), migration.getFileName().toString(),
                        m.group(2)));
            }
        }
        return functions;
    }

    private static Set<String> tablesUsed(String sql) {
        Set<String> tables = new java.util.TreeSet<>();
        Matcher m = TABLE_USE.matcher(sql);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase());
        }
        return tables;
    }

    /**
     * The module whose name (or singular, underscores aside) begins the table's or function's name, else the
     * migration's: {@code service_request_descriptions} and {@code simulator_media_owner} by name.
     */
    private static String byName(String name, String fileModule) {
        String flat = name.replace("_", "");
        for (String module : MODULES) {
            String singular = module.endsWith("s") ? module.substring(0, module.length() - 1) : module;
            if (name.equals(module) || name.startsWith(module + "_") || name.startsWith(singular + "_")
                    || singular.length() > 8 && flat.startsWith(singular)) {
                return module;
            }
        }
        return fileModule;
    }

    /** The module whose name begins the migration's description (underscores aside): V14__service_requests → servicerequests. */
    static String moduleOf(Path migration) {
        String description = migration.getFileName().toString().replaceFirst("^(V[0-9_]+|R)__", "").replace("_", "");
        return MODULES.stream().filter(m -> description.startsWith(m) || description.startsWith(m.replaceFirst("s$", "")))
            .max(Comparator.comparingInt(String::length))
            .orElseGet(() -> legacyModuleOf(migration.getFileName().toString()));
    }

    /** The migrations named before the rule above: what each one changes. New migrations follow the rule. */
    private static String legacyModuleOf(String file) {
        return switch (file) {
            case "V27__agent_role_sees_every_customer.sql" -> "identity";
            case "V30__sla_clocks_version.sql" -> "servicerequests";
            default -> "?";
        };
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql"))
                .sorted(Comparator.comparing(TableOwnershipTest::order)).toList();
        }
    }

    /** Flyway's order: versioned by version, then repeatable by description. */
    private static String order(Path migration) {
        String name = migration.getFileName().toString();
        Matcher v = Pattern.compile("^V(\\d+)__").matcher(name);
        return v.find() ? "0" + String.format("%09d", Long.parseLong(v.group(1))) : "1" + name;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    /** The string literals and text blocks of a Java source, comments left out. */
    static List<String> strings(String java) {
        String code = java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//[^\\n\"]*$", "");
        List<String> strings = new ArrayList<>();
        Matcher blocks = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"").matcher(code);
        while (blocks.find()) {
            strings.add(blocks.group(1));
        }
        Matcher literals = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(code.replaceAll("(?s)\"\"\".*?\"\"\"", ""));
        while (literals.find()) {
            strings.add(literals.group(1));
        }
        return strings;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
