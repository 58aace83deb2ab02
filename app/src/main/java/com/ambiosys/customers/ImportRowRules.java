package com.ambiosys.customers;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.ambiosys.customers.CustomerImports.StoredError;
import com.ambiosys.customers.CustomerViews.NewAddress;
import com.ambiosys.customers.ImportRows.Row;
import com.ambiosys.platform.phones.Phones;
import com.ambiosys.platform.security.CurrentUser;

/**
 * The rules one row of a customer import keeps on its own: required values, lengths, the words a file may use for
 * kinds, countries and roles (in Spanish or English), tax ids, phones, emails, owners and the places of its address.
 * Duplicates across rows and against the database are {@link ImportChecks}'.
 */
final class ImportRowRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Map<String, String> KINDS = Map.of("COMPANY", "COMPANY", "EMPRESA", "COMPANY", "PERSON",
            "PERSON", "PERSONA", "PERSON");
    private static final Map<String, String> COUNTRIES = Map.of("GT", "GT", "GUATEMALA", "GT", "SV", "SV", "EL_SALVADOR",
            "SV", "SALVADOR", "SV");
    private static final Map<String, String> STATUSES = Map.of("ACTIVE", "ACTIVE", "ACTIVO", "ACTIVE", "BLOCKED",
            "BLOCKED", "BLOQUEADO", "BLOCKED");
    private static final Map<String, String> CONTACT_ROLES = Map.ofEntries(Map.entry("PRIMARY", "PRIMARY"),
            Map.entry("PRINCIPAL", "PRIMARY"), Map.entry("CONTACTO_PRINCIPAL", "PRIMARY"),
            Map.entry("MAIN_CONTACT", "PRIMARY"), Map.entry("EN_SITIO", "SITE"), Map.entry("ON_SITE", "SITE"),
            Map.entry("BILLING", "BILLING"), Map.entry("FACTURACION", "BILLING"),
            Map.entry("PURCHASING", "PURCHASING"), Map.entry("COMPRAS", "PURCHASING"), Map.entry("SITE", "SITE"),
            Map.entry("SITIO", "SITE"), Map.entry("OTHER", "OTHER"), Map.entry("OTRO", "OTHER"));
    private static final Map<String, String> ADDRESS_KINDS = Map.ofEntries(Map.entry("FISCAL", "FISCAL"),
            Map.entry("BILLING", "BILLING"), Map.entry("FACTURACION", "BILLING"), Map.entry("SERVICE_SITE", "SERVICE_SITE"),
            Map.entry("SITIO_SERVICIO", "SERVICE_SITE"), Map.entry("LUGAR_DE_SERVICIO", "SERVICE_SITE"),
            Map.entry("SITIO_DE_SERVICIO", "SERVICE_SITE"),
            Map.entry("SHIPPING", "SHIPPING"), Map.entry("ENVIO", "SHIPPING"), Map.entry("ENTREGA", "SHIPPING"));

    private ImportRowRules() {
    }

    /** A row being checked: its parsed values so far and its errors. */
    static final class RowDraft {
        final Row row;
        final List<StoredError> errors = new ArrayList<>();
        String kind;
        String country;
        String taxId;
        /** ACTIVE, or BLOCKED: the customer is blocked once created */
        String status;
        UUID ownerId;
        String contactName;
        String contactRole;
        List<String> phones = List.of();
        List<String> emails = List.of();
        NewAddress address;

        RowDraft(Row row) {
            this.row = row;
        }

        Map<String, String> values() {
            return row.values();
        }

        void error(String field, String code, Object... args) {
            errors.add(new StoredError(field, code, java.util.Arrays.stream(args).map(String::valueOf).toList()));
        }
    }

    /**
     * A row checked on its own. @param owners the active staff who may own a customer, by email @param assignsAnyOwner
     * whether the importing user may give customers to others
     */
    static RowDraft draft(Row row, Map<String, UUID> owners, boolean assignsAnyOwner, CurrentUser actor,
            ImportPlaces places) {
        RowDraft d = new RowDraft(row);
        Map<String, String> v = row.values();
        String name = v.get("commercialName");
        if (name == null) {
            d.error("commercialName", "required");
        }
        else if (name.length() > 200) {
            d.error("commercialName", "too-long", 200);
        }
        d.kind = v.get("kind") == null ? "COMPANY" : KINDS.get(upper(v.get("kind")));
        if (d.kind == null) {
            d.error("kind", "invalid-kind", v.get("kind"));
        }
        d.country = v.get("country") == null ? null : COUNTRIES.get(upper(v.get("country")));
        if (d.country == null) {
            d.error("country", v.get("country") == null ? "required" : "invalid-country", v.get("country"));
        }
        if (v.get("taxId") != null && d.country != null) {
            if (TaxIds.isValid(d.country, v.get("taxId"))) {
                d.taxId = TaxIds.normalize(v.get("taxId"));
            }
            else {
                d.error("taxId", "invalid-tax-id", v.get("taxId"));
            }
        }
        d.status = v.get("status") == null ? "ACTIVE" : STATUSES.get(upper(v.get("status")));
        if (d.status == null) {
            d.error("status", "invalid-status", v.get("status"));
        }
        List<String> tags = ImportRows.list(v.get("tags"));
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 40)) {
            d.error("tags", "invalid-tags");
        }
        if (v.get("notes") != null && v.get("notes").length() > 4000) {
            d.error("notes", "too-long", 4000);
        }
        if (v.get("ownerEmail") != null) {
            d.ownerId = owners.get(v.get("ownerEmail").toLowerCase(Locale.ROOT));
            if (d.ownerId == null) {
                d.error("ownerEmail", "unknown-owner", v.get("ownerEmail"));
            }
            else if (!assignsAnyOwner && !d.ownerId.equals(actor.userId())) {
                d.error("ownerEmail", "owner-not-allowed", v.get("ownerEmail"));
            }
        }
        checkContact(d, name);
        checkAddress(d, places);
        return d;
    }

    private static void checkContact(RowDraft d, String customerName) {
        Map<String, String> v = d.values();
        if (v.get("contactName") == null && v.get("phones") == null && v.get("emails") == null) {
            return;
        }
        d.contactName = v.get("contactName") != null ? v.get("contactName") : customerName;
        if (d.contactName != null && d.contactName.length() > 120) {
            d.error("contactName", "too-long", 120);
        }
        d.contactRole = v.get("contactRole") == null ? "PRIMARY" : CONTACT_ROLES.get(upper(v.get("contactRole")));
        if (d.contactRole == null) {
            d.error("contactRole", "invalid-contact-role", v.get("contactRole"));
        }
        List<String> phones = new ArrayList<>();
        for (String phone : ImportRows.list(v.get("phones"))) {
            String normalized = Phones.normalize(phone, d.country);
            if (normalized == null) {
                d.error("phones", "invalid-phone", phone);
            }
            else if (!phones.contains(normalized)) {
                phones.add(normalized);
            }
        }
        List<String> emails = new ArrayList<>();
        for (String email : ImportRows.list(v.get("emails"))) {
            String normalized = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(normalized).matches() || normalized.length() > 254) {
                d.error("emails", "invalid-email", email);
            }
            else if (!emails.contains(normalized)) {
                emails.add(normalized);
            }
        }
        if (phones.size() > 5 || emails.size() > 5) {
            d.error(phones.size() > 5 ? "phones" : "emails", "too-many", 5);
        }
        d.phones = phones;
        d.emails = emails;
    }

    private static void checkAddress(RowDraft d, ImportPlaces places) {
        Map<String, String> v = d.values();
        List<String> keys = List.of("addressKind", "department", "municipality", "district", "zone", "street", "reference",
                "latitude", "longitude");
        if (keys.stream().noneMatch(v::containsKey)) {
            return;
        }
        String kind = v.get("addressKind") == null ? "SERVICE_SITE" : ADDRESS_KINDS.get(upper(v.get("addressKind")));
        if (kind == null) {
            d.error("addressKind", "invalid-address-kind", v.get("addressKind"));
        }
        if (v.get("street") == null) {
            d.error("street", "required");
        }
        else if (v.get("street").length() > 300) {
            d.error("street", "too-long", 300);
        }
        String department = null;
        String municipality = null;
        String district = null;
        if (v.get("department") == null) {
            d.error("department", "required");
        }
        else if (d.country != null) {
            department = places.department(d.country, v.get("department"));
            if (department == null) {
                d.error("department", "unknown-place", v.get("department"));
            }
        }
        if (v.get("municipality") == null) {
            d.error("municipality", "required");
        }
        else if (department != null) {
            municipality = places.municipality(department, v.get("municipality"));
            if (municipality == null) {
                d.error("municipality", "unknown-place", v.get("municipality"));
            }
        }
        if (v.get("district") != null && municipality != null) {
            district = places.district(municipality, v.get("district"));
            if (district == null) {
                d.error("district", "unknown-place", v.get("district"));
            }
        }
        BigDecimal latitude = decimal(d, "latitude", 90);
        BigDecimal longitude = decimal(d, "longitude", 180);
        if ((v.get("latitude") == null) != (v.get("longitude") == null)) {
            d.error(v.get("latitude") == null ? "latitude" : "longitude", "incomplete-coordinates");
        }
        if (d.errors.isEmpty()) {
            d.address = new NewAddress(AddressKind.valueOf(kind), department, municipality, district, v.get("zone"), v.get("street"),
                    v.get("reference"), latitude, longitude);
        }
    }

    private static BigDecimal decimal(RowDraft d, String key, int limit) {
        String value = d.values().get(key);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.replace(',', '.'));
            if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                d.error(key, "out-of-range", -limit, limit);
                return null;
            }
            return number;
        }
        catch (NumberFormatException ex) {
            d.error(key, "not-a-number", value);
            return null;
        }
    }

    static String plain(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ");
    }

    private static String upper(String s) {
        return plain(s).toUpperCase(Locale.ROOT).replace(' ', '_');
    }
}
