package com.ambiosys.customers;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.ambiosys.platform.errors.InvalidInputException;


/**
 * Reads an import CSV into rows of named values. The header names a column in Spanish or English, with
 * or without accents, spaces or capitals ("Nombre comercial", "nombre_comercial", "Commercial name"); the
 * delimiter is a comma or a semicolon (what Excel writes in Spanish locales), detected from the header. A
 * file exported from the customer list can be imported as it is.
 */
final class ImportRows {

    /** The columns, by the key the import uses, with the header names that mean them. */
    static final Map<String, List<String>> COLUMNS = columns();

    /** The template's header in each language, in this order. */
    static final List<String> TEMPLATE_KEYS = List.of("kind", "commercialName", "taxId", "country", "tags", "notes",
            "ownerEmail", "contactName", "contactRole", "phones", "emails", "addressKind", "department", "municipality",
            "district", "zone", "street", "reference", "latitude", "longitude", "status", "createdAt");

    static final Map<String, String> HEADERS_ES = Map.ofEntries(Map.entry("kind", "tipo"),
            Map.entry("commercialName", "nombre_comercial"), Map.entry("taxId", "nit"), Map.entry("country", "pais"),
            Map.entry("tags", "etiquetas"), Map.entry("notes", "notas"), Map.entry("ownerEmail", "vendedor_correo"),
            Map.entry("contactName", "contacto"), Map.entry("contactRole", "rol_contacto"),
            Map.entry("phones", "telefonos"), Map.entry("emails", "correos"),
            Map.entry("addressKind", "tipo_direccion"), Map.entry("department", "departamento"),
            Map.entry("municipality", "municipio"), Map.entry("district", "distrito"), Map.entry("zone", "zona"),
            Map.entry("street", "direccion"), Map.entry("reference", "referencia"), Map.entry("latitude", "latitud"),
            Map.entry("longitude", "longitud"), Map.entry("status", "estado"), Map.entry("createdAt", "creado"));

    static final Map<String, String> HEADERS_EN = Map.ofEntries(Map.entry("kind", "kind"),
            Map.entry("commercialName", "commercial_name"), Map.entry("taxId", "tax_id"), Map.entry("country", "country"),
            Map.entry("tags", "tags"), Map.entry("notes", "notes"), Map.entry("ownerEmail", "owner_email"),
            Map.entry("contactName", "contact_name"), Map.entry("contactRole", "contact_role"),
            Map.entry("phones", "phones"), Map.entry("emails", "emails"), Map.entry("addressKind", "address_kind"),
            Map.entry("department", "department"), Map.entry("municipality", "municipality"),
            Map.entry("district", "district"), Map.entry("zone", "zone"), Map.entry("street", "street"),
            Map.entry("reference", "reference"), Map.entry("latitude", "latitude"), Map.entry("longitude", "longitude"),
            Map.entry("status", "status"), Map.entry("createdAt", "created"));

    static final int MAX_ROWS = 5_000;

    /** A data row: its line in the file (the header is line 1) and its values by key (blank values left out). */
    record Row(int line, Map<String, String> values) {
    }

    private ImportRows() {
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("kind", List.of("tipo", "kind", "tipo_cliente"));
        m.put("commercialName", List.of("nombre_comercial", "commercial_name", "nombre", "name"));
        m.put("taxId", List.of("nit", "tax_id", "nit_dui"));
        m.put("country", List.of("pais", "country"));
        m.put("tags", List.of("etiquetas", "tags"));
        m.put("notes", List.of("notas", "notes", "observaciones"));
        m.put("ownerEmail", List.of("vendedor_correo", "owner_email", "vendedor", "owner"));
        m.put("contactName", List.of("contacto", "contact", "contact_name", "nombre_contacto"));
        m.put("contactRole", List.of("rol_contacto", "contact_role"));
        m.put("phones", List.of("telefonos", "telefono", "phones", "phone"));
        m.put("emails", List.of("correos", "correo", "emails", "email"));
        m.put("addressKind", List.of("tipo_direccion", "address_kind"));
        m.put("department", List.of("departamento", "department"));
        m.put("municipality", List.of("municipio", "municipality"));
        m.put("district", List.of("distrito", "district"));
        m.put("zone", List.of("zona", "zone"));
        m.put("street", List.of("direccion", "street", "address"));
        m.put("reference", List.of("referencia", "reference"));
        m.put("latitude", List.of("latitud", "latitude", "lat"));
        m.put("longitude", List.of("longitud", "longitude", "lon", "lng"));
        m.put("status", List.of("estado", "status"));
        // what the export writes; read and ignored: a customer is registered when it is imported
        m.put("createdAt", List.of("creado", "created", "created_at", "fecha_de_creacion"));
        return m;
    }

    /** "Teléfonos " → "telefonos", "Nombre comercial" → "nombre_comercial". */
    static String normalizeHeader(String header) {
        String plain = Normalizer.normalize(header.replace("\uFEFF", "").trim(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static List<Row> read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = content.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? content : content.substring(0, firstLineEnd);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                    org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .get();
        try (Reader reader = new StringReader(content); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<Integer, String> keyByColumn = new LinkedHashMap<>();
            List<String> headers = parser.getHeaderNames();
            for (int i = 0; i < headers.size(); i++) {
                String normalized = normalizeHeader(headers.get(i));
                for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
                    if (column.getValue().contains(normalized) && !keyByColumn.containsValue(column.getKey())) {
                        keyByColumn.put(i, column.getKey());
                    }
                }
            }
            if (!keyByColumn.containsValue("commercialName")) {
                throw new InvalidInputException("import-missing-columns", "nombre_comercial");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidInputException("import-too-many-rows", MAX_ROWS);
                }
                Map<String, String> values = new LinkedHashMap<>();
                keyByColumn.forEach((column, key) -> {
                    if (column < record.size()) {
                        String value = unneutralize(record.get(column).trim());
                        if (!value.isEmpty()) {
                            values.put(key, value);
                        }
                    }
                });
                if (!values.isEmpty()) {
                    rows.add(new Row((int) record.getRecordNumber() + 1, values));
                }
            }
            return rows;
        }
        catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
            throw new InvalidInputException("import-unreadable", ex.getMessage() == null ? "" : ex.getMessage());
        }
    }

    /**
     * A leading apostrophe before a cell that starts with =, +, - or @ (other than a phone), so that a spreadsheet
     * does not run it as a formula ("CSV injection"); {@link #read} takes it off again.
     */
    static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean phone = value.matches("\\+[0-9][0-9 ,+-]*");
        return !phone && (first == '=' || first == '@' || first == '+' || first == '-' || first == '\t' || first == '\r')
                ? "'" + value : value;
    }

    /** The export writes a leading apostrophe before =, +, - and @ so spreadsheets do not run them. */
    private static String unneutralize(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0 ? value.substring(1)
                : value;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Splits a list cell: "a | b", "a; b" or "a, b". */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("[|;,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The template's (and the export's) header row in Spanish or English. */
    static List<String> headers(boolean spanish) {
        return TEMPLATE_KEYS.stream().map(k -> (spanish ? HEADERS_ES : HEADERS_EN).get(k)).toList();
    }

    static String template(boolean spanish) {
        List<String> header = headers(spanish);
        String example = spanish
                ? "Empresa,\"Constructora Los Altos, S.A.\",576937-K,Guatemala,construccion|permanente,,,Ing. Roberto Monterroso,Contacto principal,+502 5512 3344,compras@losaltos.com.gt,Lugar de servicio,Guatemala,Mixco,,Zona 4,Calzada Roosevelt 22-43,Frente al centro comercial,14.6283,-90.5560,Activo,"
                : "Company,\"Constructora Los Altos, S.A.\",576937-K,Guatemala,construction|permanent,,,Ing. Roberto Monterroso,Main contact,+502 5512 3344,compras@losaltos.com.gt,Service site,Guatemala,Mixco,,Zona 4,Calzada Roosevelt 22-43,Across from the mall,14.6283,-90.5560,Active,";
        return String.join(",", header) + "\r\n" + example + "\r\n";
    }
}
