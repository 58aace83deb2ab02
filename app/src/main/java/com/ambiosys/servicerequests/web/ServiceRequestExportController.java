package com.ambiosys.servicerequests.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.servicerequests.ServiceRequestViews.Summary;
import com.ambiosys.servicerequests.ServiceRequests;
import com.ambiosys.tenants.TenantManagement;

/**
 * CSV and XLSX export of the request list as its filters select it (the list's own parameters and visibility),
 * written as the rows are read. Headers, states, priorities, channels, SLA states and the file's name are in the
 * caller's language; dates and times in the tenant's zone (real date cells in XLSX).
 */
@RestController
@Validated
class ServiceRequestExportController {

    static final int MAX_ROWS = 100_000;
    static final List<String> COLUMNS = List.of("number", "customer", "type", "status", "priority", "channel", "owner",
            "requested-date", "created", "response-sla", "resolution-sla", "due");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServiceRequests requests;
    private final MessageSource messages;
    private final TenantManagement tenants;

    ServiceRequestExportController(ServiceRequests requests, MessageSource messages, TenantManagement tenants) {
        this.requests = requests;
        this.messages = messages;
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/service-requests/export")
    @RequiresPermission("servicerequests:export")
    void export(@RequestParam(defaultValue = "csv") RequestExportFormat format,
            @Valid ServiceRequestController.ListFilter filter, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = ZoneId.of(tenants.find(TenantContext.require()).map(t -> t.timeZone()).orElse("America/Guatemala"));
        String name = text("sr.export.file-name", locale) + "-" + LocalDate.now(zone) + "." + format;
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setContentType(format.contentType());
        List<String> headers = COLUMNS.stream().map(c -> text("sr.export.column." + c, locale)).toList();
        Row rows = new Row(locale, zone);
        if (format == RequestExportFormat.xlsx) {
            writeXlsx(response, headers, filter.criteria(), rows);
        }
        else {
            writeCsv(response, headers, filter.criteria(), rows);
        }
    }

    private void writeCsv(HttpServletResponse response, List<String> headers, ServiceRequests.Filter filter, Row rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens accents correctly
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(headers.toArray(String[]::new)).get());
        requests.export(filter, MAX_ROWS, request -> {
            try {
                csv.printRecord(rows.values(request).stream().map(v -> neutralize(rows.cell(v))).toList());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        csv.flush();
    }

    private void writeXlsx(HttpServletResponse response, List<String> headers, ServiceRequests.Filter filter, Row rows)
            throws IOException {
        Workbook workbook = new Workbook(response.getOutputStream(), "AmbioSys", "1.0");
        Worksheet sheet = workbook.newWorksheet(text("sr.export.sheet", rows.locale()));
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        int[] at = { 1 };
        requests.export(filter, MAX_ROWS, request -> {
            List<Object> values = rows.values(request);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                if (value instanceof LocalDateTime time) {
                    sheet.value(at[0], c, time);
                    sheet.style(at[0], c).format("yyyy-mm-dd hh:mm").set();
                }
                else if (value instanceof LocalDate date) {
                    sheet.value(at[0], c, date);
                    sheet.style(at[0], c).format("yyyy-mm-dd").set();
                }
                else {
                    sheet.value(at[0], c, (String) value);
                }
            }
            at[0]++;
        });
        workbook.finish();
    }

    /** One request as a row: texts in the caller's language, instants as local times of the tenant's zone. */
    private final class Row {

        private final Locale locale;
        private final ZoneId zone;

        Row(Locale locale, ZoneId zone) {
            this.locale = locale;
            this.zone = zone;
        }

        Locale locale() {
            return locale;
        }

        List<Object> values(Summary r) {
            List<Object> values = new ArrayList<>();
            values.add(r.number());
            values.add(r.customerName());
            values.add(r.serviceTypeName());
            values.add(text("sr.status." + r.status().name(), locale));
            values.add(text("sr.priority." + r.priority().name(), locale));
            values.add(text("sr.channel." + r.channel().name(), locale));
            values.add(r.ownerName() == null ? text("sr.export.unassigned", locale) : r.ownerName());
            values.add(r.requestedDate());
            values.add(local(r.createdAt()));
            values.add(r.responseSla() == null ? null : text("sr.sla." + r.responseSla().name(), locale));
            values.add(r.resolutionSla() == null ? null : text("sr.sla." + r.resolutionSla().name(), locale));
            values.add(local(r.resolutionDueAt()));
            return values;
        }

        private LocalDateTime local(Instant instant) {
            return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
        }

        /** A CSV cell: dates as the tenant reads them (yyyy-MM-dd, yyyy-MM-dd HH:mm), nothing as empty. */
        String cell(Object value) {
            if (value instanceof LocalDateTime time) {
                return MINUTES.format(time);
            }
            return value == null ? "" : value.toString();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * Spreadsheets run a CSV cell that starts with = @ + - as a formula ("CSV injection"); such cells get a leading
     * apostrophe.
     */
    static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '@' || first == '+' || first == '-' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
