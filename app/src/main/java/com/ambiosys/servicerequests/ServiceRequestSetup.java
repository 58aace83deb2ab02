package com.ambiosys.servicerequests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.domain.BusinessCalendar;
import com.ambiosys.servicerequests.domain.BusinessCalendar.Window;
import com.ambiosys.servicerequests.domain.PublicHolidays;
import com.ambiosys.servicerequests.domain.TypeDataRules;
import com.ambiosys.tenants.TenantManagement;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The module's per-tenant setup: approval, business calendar and holidays, service types, SLA policies. */
@Service
public class ServiceRequestSetup {

    public record Holiday(LocalDate day, String name) {
    }

    /** @param week windows per weekday: {@code {"MONDAY": [["08:00","12:00"], ["13:00","17:00"]]}} */
    public record Settings(boolean approvalRequired, String timeZone, Map<DayOfWeek, List<List<String>>> week,
            List<Holiday> holidays) {
    }

    public record ServiceType(UUID id, String code, String name, TypeDataRules.Schema dataSchema, boolean autoAssign, boolean active) {
    }

    public record SlaPolicy(UUID id, String name, UUID serviceTypeId, Priority priority, int responseMinutes,
            int resolutionMinutes, boolean active) {
    }

    private static final TypeReference<Map<DayOfWeek, List<List<String>>>> WEEK = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final TenantManagement tenants;

    ServiceRequestSetup(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock, TenantManagement tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.tenants = tenants;
    }

    /** The standard week: Monday to Friday 08:00–12:00 and 13:00–17:00, Saturday 08:00–12:00. */
    static Map<DayOfWeek, List<List<String>>> standardWeek() {
        Map<DayOfWeek, List<List<String>>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day == DayOfWeek.SUNDAY) {
                week.put(day, List.of());
            }
            else if (day == DayOfWeek.SATURDAY) {
                week.put(day, List.of(List.of("08:00", "12:00")));
            }
            else {
                week.put(day, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:00")));
            }
        }
        return week;
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        UUID tenant = TenantContext.require();
        List<Holiday> holidays = jdbc.sql("select day, name from business_holidays where tenant_id = :t order by day")
            .param("t", tenant).query((rs, n) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2))).list();
        return jdbc.sql("select approval_required, time_zone, week::text from service_request_settings where tenant_id = :t")
            .param("t", tenant)
            .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getString(2), json.readValue(rs.getString(3), WEEK), holidays))
            .optional()
            .orElseGet(() -> new Settings(false, tenantZone(tenant), standardWeek(), holidays));
    }

    /** The tenant's business calendar, for the SLA clocks. */
    @Transactional(readOnly = true)
    public BusinessCalendar calendar() {
        return calendarOf(settings());
    }

    static BusinessCalendar calendarOf(Settings settings) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        settings.week().forEach((day, windows) -> week.put(day,
                windows.stream().map(w -> Window.of(w.get(0), w.get(1))).toList()));
        return new BusinessCalendar(ZoneId.of(settings.timeZone()), week,
                Set.copyOf(settings.holidays().stream().map(Holiday::day).toList()));
    }

    /** Replaces the settings; the calendar must be valid (windows in order, not overlapping, some working time). */
    @Transactional
    public Settings updateSettings(Settings changes) {
        UUID tenant = TenantContext.require();
        Settings before = settings();
        try {
            ZoneId.of(changes.timeZone());
        }
        catch (RuntimeException ex) {
            throw new InvalidInputException("invalid-time-zone", changes.timeZone());
        }
        Map<DayOfWeek, List<List<String>>> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, changes.week().getOrDefault(day, List.of()));
        }
        Settings normalized = new Settings(changes.approvalRequired(), changes.timeZone(), week, changes.holidays());
        try {
            BusinessCalendar calendar = calendarOf(normalized);
            if (calendar.windows().values().stream().allMatch(List::isEmpty)) {
                throw new InvalidInputException("invalid-calendar", "-");
            }
        }
        catch (IllegalArgumentException | java.time.format.DateTimeParseException | IndexOutOfBoundsException ex) {
            throw new InvalidInputException("invalid-calendar", ex.getMessage());
        }
        jdbc.sql("""
                insert into service_request_settings (tenant_id, approval_required, time_zone, week, updated_at)
                values (:t, :approval, :zone, cast(:week as jsonb), :now)
                on conflict (tenant_id) do update set approval_required = excluded.approval_required,
                       time_zone = excluded.time_zone, week = excluded.week, updated_at = excluded.updated_at,
                       version = service_request_settings.version + 1
                """)
            .param("t", tenant).param("approval", changes.approvalRequired()).param("zone", changes.timeZone())
            .param("week", json.writeValueAsString(week)).param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql("delete from business_holidays where tenant_id = :t").param("t", tenant).update();
        for (Holiday holiday : changes.holidays()) {
            jdbc.sql("insert into business_holidays (tenant_id, day, name) values (:t, :day, :name) on conflict do nothing")
                .param("t", tenant).param("day", java.sql.Date.valueOf(holiday.day())).param("name", holiday.name().trim())
                .update();
        }
        Settings after = settings();
        audit.record(AuditAction.UPDATE, "service_request_settings", tenant, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<ServiceType> types(boolean activeOnly) {
        return jdbc.sql("select id, code, name, data_schema, auto_assign, active from service_types where tenant_id = :t"
                + (activeOnly ? " and active" : "") + " order by name")
            .param("t", TenantContext.require()).query((rs, n) -> type(rs)).list();
    }

    @Transactional(readOnly = true)
    public ServiceType type(UUID id) {
        return jdbc.sql("select id, code, name, data_schema, auto_assign, active from service_types where tenant_id = :t and id = :id")
            .param("t", TenantContext.require()).param("id", id).query((rs, n) -> type(rs)).optional()
            .orElseThrow(() -> new NotFoundException("service-type"));
    }

    private static ServiceType type(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ServiceType(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                TypeDataRules.Schema.valueOf(rs.getString("data_schema")), rs.getBoolean("auto_assign"), rs.getBoolean("active"));
    }

    @Transactional
    public ServiceType createType(String code, String name, TypeDataRules.Schema schema, boolean autoAssign) {
        UUID id = Ids.next();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into service_types (tenant_id, id, code, name, data_schema, auto_assign, active, created_at, updated_at)
                    values (:t, :id, :code, :name, :schema, :auto, true, :now, :now)
                    """)
                .param("t", TenantContext.require()).param("id", id).param("code", code).param("name", name.trim())
                .param("schema", schema.name()).param("auto", autoAssign).param("now", now).update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("service-type-code-taken", code);
        }
        ServiceType created = type(id);
        audit.record(AuditAction.CREATE, "service_type", id, null, created);
        return created;
    }

    @Transactional
    public ServiceType updateType(UUID id, String name, boolean autoAssign, boolean active) {
        ServiceType before = type(id);
        jdbc.sql("update service_types set name = :name, auto_assign = :auto, active = :active, updated_at = :now where tenant_id = :t and id = :id")
            .param("name", name.trim()).param("auto", autoAssign).param("active", active)
            .param("now", Timestamp.from(clock.instant())).param("t", TenantContext.require()).param("id", id).update();
        ServiceType after = type(id);
        audit.record(AuditAction.UPDATE, "service_type", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<SlaPolicy> policies() {
        return jdbc.sql("""
                select id, name, service_type_id, priority, response_minutes, resolution_minutes, active
                  from sla_policies where tenant_id = :t order by service_type_id nulls last, priority nulls last, name
                """).param("t", TenantContext.require()).query((rs, n) -> policy(rs)).list();
    }

    private SlaPolicy policy(UUID id) {
        return jdbc.sql("""
                select id, name, service_type_id, priority, response_minutes, resolution_minutes, active
                  from sla_policies where tenant_id = :t and id = :id
                """).param("t", TenantContext.require()).param("id", id).query((rs, n) -> policy(rs)).optional()
            .orElseThrow(() -> new NotFoundException("sla-policy"));
    }

    private static SlaPolicy policy(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SlaPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("service_type_id", UUID.class),
                priority(rs.getString("priority")), rs.getInt("response_minutes"), rs.getInt("resolution_minutes"),
                rs.getBoolean("active"));
    }

    private static Priority priority(String stored) {
        return stored == null ? null : Priority.valueOf(stored);
    }

    /** The most specific active policy: type and priority, then type, then priority, then the default. */
    @Transactional(readOnly = true)
    public Optional<SlaPolicy> match(UUID serviceTypeId, Priority priority) {
        return jdbc.sql("""
                select id, name, service_type_id, priority, response_minutes, resolution_minutes, active
                  from sla_policies
                 where tenant_id = :t and active
                   and (service_type_id is null or service_type_id = :type) and (priority is null or priority = :priority)
                 order by (service_type_id is not null) desc, (priority is not null) desc
                 limit 1
                """).param("t", TenantContext.require()).param("type", serviceTypeId).param("priority", priority.name())
            .query((rs, n) -> policy(rs)).optional();
    }

    @Transactional
    public SlaPolicy savePolicy(UUID id, SlaPolicy policy) {
        UUID tenant = TenantContext.require();
        if (policy.serviceTypeId() != null) {
            try {
                type(policy.serviceTypeId());
            }
            catch (NotFoundException ex) {
                throw new InvalidInputException("unknown-service-type");
            }
        }
        if (policy.resolutionMinutes() < policy.responseMinutes()) {
            throw new InvalidInputException("resolution-before-response");
        }
        SlaPolicy before = id == null ? null : policy(id);
        UUID policyId = id == null ? Ids.next() : id;
        Timestamp now = Timestamp.from(clock.instant());
        try {
            if (before == null) {
                jdbc.sql("""
                        insert into sla_policies (tenant_id, id, name, service_type_id, priority, response_minutes,
                                                  resolution_minutes, active, created_at, updated_at)
                        values (:t, :id, :name, :type, :priority, :response, :resolution, :active, :now, :now)
                        """)
                    .param("t", tenant).param("id", policyId).param("name", policy.name().trim())
                    .param("type", policy.serviceTypeId()).param("priority", policy.priority() == null ? null : policy.priority().name())
                    .param("response", policy.responseMinutes()).param("resolution", policy.resolutionMinutes())
                    .param("active", policy.active()).param("now", now).update();
            }
            else {
                jdbc.sql("""
                        update sla_policies set name = :name, service_type_id = :type, priority = :priority,
                               response_minutes = :response, resolution_minutes = :resolution, active = :active, updated_at = :now
                         where tenant_id = :t and id = :id
                        """)
                    .param("t", tenant).param("id", policyId).param("name", policy.name().trim())
                    .param("type", policy.serviceTypeId()).param("priority", policy.priority() == null ? null : policy.priority().name())
                    .param("response", policy.responseMinutes()).param("resolution", policy.resolutionMinutes())
                    .param("active", policy.active()).param("now", now).update();
            }
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("sla-policy-exists");
        }
        SlaPolicy after = policy(policyId);
        audit.record(before == null ? AuditAction.CREATE : AuditAction.UPDATE, "sla_policy", policyId, before, after);
        return after;
    }

    @Transactional
    public void deletePolicy(UUID id) {
        SlaPolicy before = policy(id);
        jdbc.sql("delete from sla_policies where tenant_id = :t and id = :id").param("t", TenantContext.require())
            .param("id", id).update();
        audit.record(AuditAction.DELETE, "sla_policy", id, before, null);
    }

    /**
     * Adds the public holidays of the country ({@link PublicHolidays}) in these years to the tenant's calendar; a day
     * that is already a holiday keeps its name. The administrator edits them as any other.
     */
    @Transactional
    public void seedPublicHolidays(String country, int... years) {
        UUID tenant = TenantContext.require();
        for (int year : years) {
            for (PublicHolidays.PublicHoliday holiday : PublicHolidays.of(country, year)) {
                jdbc.sql("insert into business_holidays (tenant_id, day, name) values (:t, :day, :name) on conflict do nothing")
                    .param("t", tenant).param("day", java.sql.Date.valueOf(holiday.day())).param("name", holiday.name())
                    .update();
            }
        }
    }

    /** The three environmental service types, an "other" type, and SLA policies for them (demo tenant). */
    @Transactional
    public List<ServiceType> seedEnvironmentalTypes() {
        List<ServiceType> created = new ArrayList<>();
        created.add(createType("PORTABLE_TOILETS", "Sanitarios portátiles", TypeDataRules.Schema.PORTABLE_TOILETS, true));
        created.add(createType("SEPTIC_TANK", "Limpieza de fosa séptica", TypeDataRules.Schema.SEPTIC_TANK, true));
        created.add(createType("WASTEWATER_PLANT", "Planta de tratamiento (PTAR)", TypeDataRules.Schema.WASTEWATER_PLANT, false));
        created.add(createType("OTHER", "Otro servicio", TypeDataRules.Schema.FREE_FORM, false));
        savePolicy(null, new SlaPolicy(null, "General", null, null, 4 * 60, 40 * 60, true));
        savePolicy(null, new SlaPolicy(null, "Urgente", null, Priority.URGENT, 60, 8 * 60, true));
        savePolicy(null, new SlaPolicy(null, "Fosa séptica urgente", created.get(1).id(), Priority.URGENT, 30, 4 * 60, true));
        savePolicy(null, new SlaPolicy(null, "PTAR", created.get(2).id(), null, 8 * 60, 120 * 60, true));
        return created;
    }

    private String tenantZone(UUID tenant) {
        return tenants.find(tenant).map(t -> t.timeZone()).orElse("America/Guatemala");
    }
}
