package com.ambiosys.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.customers.CustomerManagement.ExportAddress;
import com.ambiosys.customers.CustomerManagement.ExportRow;
import com.ambiosys.geo.GeoDirectory;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.platform.phones.Phones;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.tenants.TenantManagement;

/**
 * The customer list as a person reads it and the import takes it back: the import template's columns and headers
 * in the reader's language, kinds, statuses and roles in words of that language (which the import reads in either
 * language), places by name, phones as people write them, the owner by email, and the date each customer was
 * registered in the tenant's time zone as {@code 2026-12-05 21:30} (the same in both languages, and sortable).
 */
@Service
public class CustomerExports {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CustomerQueries queries;
    private final MessageSource messages;
    private final StaffDirectory staff;
    private final GeoDirectory geo;
    private final TenantManagement tenants;
    private final Clock clock;

    CustomerExports(CustomerQueries queries, MessageSource messages, StaffDirectory staff, GeoDirectory geo,
            TenantManagement tenants, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.staff = staff;
        this.geo = geo;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The header row: the import template's. */
    public List<String> headers(Locale locale) {
        return ImportRows.headers(!english(locale));
    }

    /** {@code clientes-2026-12-05.xlsx} or {@code customers-2026-12-05.xlsx}, dated by the tenant's calendar. */
    public String fileName(Locale locale, String extension) {
        return (english(locale) ? "customers-" : "clientes-") + LocalDate.now(clock.withZone(zone())) + "." + extension;
    }

    /** Every customer the search finds (up to {@code limit}), as the cells of its row, one row at a time. */
    @Transactional(readOnly = true)
    public void rows(CustomerViews.CustomerFilter filter, int limit, Locale locale, Consumer<List<String>> consumer) {
        Map<UUID, String> emails = new HashMap<>();
        staff.all().forEach(m -> emails.put(m.id().value(), m.email()));
        Places places = new Places(geo);
        ZoneId zone = zone();
        queries.export(filter, limit, row -> consumer.accept(cells(row, locale, emails, places, zone)));
    }

    private List<String> cells(ExportRow r, Locale locale, Map<UUID, String> emails, Places places, ZoneId zone) {
        ExportAddress a = r.address();
        Map<String, String> v = new HashMap<>();
        v.put("kind", word("customer.kind." + r.kind(), locale));
        v.put("commercialName", r.commercialName());
        v.put("taxId", r.taxId());
        v.put("country", word("customer.country." + r.country(), locale));
        v.put("tags", String.join(", ", r.tags()));
        v.put("notes", r.notes());
        v.put("ownerEmail", r.ownerId() == null ? null : emails.get(r.ownerId()));
        v.put("contactName", r.contactName());
        v.put("contactRole", r.contactRole() == null ? null : word("customer.contact-role." + r.contactRole(), locale));
        v.put("phones", String.join(", ", r.phones().stream().map(Phones::display).toList()));
        v.put("emails", String.join(", ", r.emails()));
        if (a != null) {
            v.put("addressKind", word("customer.address-kind." + a.kind(), locale));
            v.put("department", places.department(r.country(), a.departmentId()));
            v.put("municipality", places.municipality(a.departmentId(), a.municipalityId()));
            v.put("district", a.districtId() == null ? null : places.district(a.municipalityId(), a.districtId()));
            v.put("zone", a.zone());
            v.put("street", a.street());
            v.put("reference", a.reference());
            v.put("latitude", a.latitude() == null ? null : a.latitude().toPlainString());
            v.put("longitude", a.longitude() == null ? null : a.longitude().toPlainString());
        }
        v.put("status", word("customer.status." + r.status(), locale));
        v.put("createdAt", moment(r.createdAt(), zone));
        List<String> cells = new ArrayList<>();
        ImportRows.TEMPLATE_KEYS.forEach(key -> cells.add(v.get(key) == null ? "" : v.get(key)));
        return cells;
    }

    /** A CSV cell a spreadsheet shows as text, never runs as a formula (see {@link ImportRows#neutralize}). */
    public static String neutralize(String value) {
        return ImportRows.neutralize(value);
    }

    static String moment(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone));
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    private ZoneId zone() {
        return tenants.find(TenantContext.require()).map(t -> ZoneId.of(t.timeZone())).orElse(ZoneId.of("America/Guatemala"));
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** The names of the places of one export, each level read once per parent. */
    private static final class Places {

        private final GeoDirectory geo;
        private final Map<String, Map<String, String>> names = new HashMap<>();

        Places(GeoDirectory geo) {
            this.geo = geo;
        }

        String department(String country, String id) {
            return name("c:" + country, id, () -> geo.departments(country));
        }

        String municipality(String departmentId, String id) {
            return name("d:" + departmentId, id, () -> geo.municipalities(departmentId));
        }

        String district(String municipalityId, String id) {
            return name("m:" + municipalityId, id, () -> geo.districts(municipalityId));
        }

        private String name(String parent, String id, java.util.function.Supplier<List<GeoDirectory.Place>> places) {
            if (id == null) {
                return null;
            }
            Map<String, String> byId = names.computeIfAbsent(parent, k -> {
                Map<String, String> m = new HashMap<>();
                places.get().forEach(p -> m.put(p.id(), p.name()));
                return m;
            });
            return byId.getOrDefault(id, id);
        }
    }
}
