package com.ambiosys.customers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ambiosys.platform.errors.ConflictException;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.platform.errors.NotFoundException;
import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditTrail;
import com.ambiosys.customers.ImportChecks.Checked;
import com.ambiosys.customers.ImportRows.Row;
import com.ambiosys.identity.StaffDirectory;
import com.ambiosys.identity.UserId;
import com.ambiosys.platform.ids.Ids;
import com.ambiosys.platform.security.CurrentUser;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/**
 * CSV import of customers with a contact and an address per row, in two steps: a preview that checks
 * every row and stores nothing but the import itself, then a commit that creates the customers of the
 * rows that are still valid (each row is checked again: the data may have changed in between). Bad rows
 * are reported with their line, field and reason, and are never stored.
 *
 * <p>Its parts: {@link ImportRows} reads the file, {@link ImportChecks} checks the rows (by {@link ImportRowRules}),
 * {@link CustomerImportStore} keeps the imports.
 */
@Service
public class CustomerImports {

    /** What went wrong with one value of a row. */
    public record RowError(String field, String code, String message) {
    }

    public record ImportRow(int line, String commercialName, String taxId, String contactName, Map<String, String> values,
            List<RowError> errors) {
    }

    /** @param status PREVIEW or COMMITTED */
    public record Import(UUID id, String fileName, String status, int totalRows, int validRows, int errorRows,
            Integer createdCount, Instant createdAt, UUID createdBy, Instant committedAt, List<ImportRow> rows) {
    }

    public record ImportSummary(UUID id, String fileName, String status, int totalRows, int validRows, int errorRows,
            Integer createdCount, Instant createdAt, UUID createdBy, String createdByName) {

        private ImportSummary named(Map<UserId, String> names) {
            return createdBy == null ? this : new ImportSummary(id, fileName, status, totalRows, validRows, errorRows,
                    createdCount, createdAt, createdBy, names.get(new UserId(createdBy)));
        }
    }

    /** A stored row: its values and the codes of its errors (rendered in the reader's language). */
    record StoredRow(int line, Map<String, String> values, List<StoredError> errors) {
    }

    record StoredError(String field, String code, List<String> args) {
    }

    private final CustomerManagement customers;
    private final ImportChecks checks;
    private final CustomerImportStore store;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final StaffDirectory staff;

    CustomerImports(CustomerManagement customers, ImportChecks checks, CustomerImportStore store, AuditTrail audit,
            MessageSource messages, StaffDirectory staff) {
        this.customers = customers;
        this.checks = checks;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
        this.staff = staff;
    }

    /** Reads and checks the file; stores the import (not the customers) for a later commit. */
    @Transactional
    public Import preview(String fileName, String content) {
        List<Row> rows = ImportRows.read(content);
        if (rows.isEmpty()) {
            throw new InvalidInputException("import-empty");
        }
        List<StoredRow> checked = checks.check(rows).stream()
            .map(c -> new StoredRow(c.row().line(), c.row().values(), c.errors())).toList();
        int errorRows = (int) checked.stream().filter(r -> !r.errors().isEmpty()).count();
        UUID id = Ids.next();
        store.insertPreview(id, fileName, checked, errorRows, CurrentUsers.current().map(CurrentUser::userId).orElse(null));
        audit.record(AuditAction.CREATE, "customer_import", id, null,
                Map.of("fileName", fileName, "totalRows", checked.size(), "errorRows", errorRows));
        return get(id);
    }

    /** Creates the customers of the rows that are (still) valid; rows that are not are reported, not stored. */
    @Transactional
    public Import commit(UUID id) {
        String status = store.lockStatus(id).orElseThrow(() -> new NotFoundException("customer-import"));
        if (!"PREVIEW".equals(status)) {
            throw new ConflictException("import-already-committed");
        }
        List<StoredRow> stored = store.rows(id);
        List<Row> rows = stored.stream().filter(r -> r.errors().isEmpty()).map(r -> new Row(r.line(), r.values())).toList();
        Map<Integer, List<StoredError>> errorsByLine = new HashMap<>();
        stored.forEach(r -> errorsByLine.put(r.line(), r.errors()));
        int created = 0;
        for (Checked row : checks.check(rows)) {
            if (!row.errors().isEmpty()) {
                errorsByLine.put(row.row().line(), row.errors());
                continue;
            }
            CustomerViews.Customer customer = customers.create(row.customer());
            if (row.address() != null) {
                customers.addAddress(customer.id(), row.address());
            }
            if (row.blocked()) {
                customers.changeStatus(customer.id(), CustomerStatus.BLOCKED, null);
            }
            created++;
        }
        List<StoredRow> after = stored.stream()
            .map(r -> new StoredRow(r.line(), r.values(), errorsByLine.getOrDefault(r.line(), List.of()))).toList();
        int errorRows = (int) after.stream().filter(r -> !r.errors().isEmpty()).count();
        store.markCommitted(id, created, after, errorRows, CurrentUsers.current().map(CurrentUser::userId).orElse(null));
        audit.record(AuditAction.UPDATE, "customer_import", id, Map.of("status", "PREVIEW"),
                Map.of("status", "COMMITTED", "createdCount", created));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Import get(UUID id) {
        return store.find(id, this::render).orElseThrow(() -> new NotFoundException("customer-import"));
    }

    @Transactional(readOnly = true)
    public PageResponse<ImportSummary> history(PageQuery page) {
        long total = store.count();
        List<ImportSummary> rows = store.page(page.sizeOrDefault(), page.offset());
        Map<UserId, String> names = staff.namesOf(rows.stream().map(ImportSummary::createdBy)
            .filter(java.util.Objects::nonNull).map(UserId::new).toList());
        List<ImportSummary> items = rows.stream().map(r -> r.named(names)).toList();
        return new PageResponse<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
    }

    /**
     * The rows an import refused, as a CSV to fix and import again: the template's columns in the reader's language
     * with each row's values as they came, and a last column with its errors (which the import ignores).
     */
    @Transactional(readOnly = true)
    public String report(UUID id, Locale locale) {
        Import found = get(id);
        boolean spanish = !"en".equals(locale.getLanguage());
        List<String> header = new java.util.ArrayList<>(ImportRows.headers(spanish));
        header.add(spanish ? "errores" : "errors");
        StringBuilder out = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (ImportRow row : found.rows()) {
                if (row.errors().isEmpty()) {
                    continue;
                }
                List<String> cells = new java.util.ArrayList<>();
                ImportRows.TEMPLATE_KEYS.forEach(k -> cells.add(ImportRows.neutralize(row.values().get(k))));
                cells.add(ImportRows.neutralize(String.join(" | ", row.errors().stream()
                    .map(e -> (spanish ? "línea " : "line ") + row.line() + ", "
                        + (spanish ? ImportRows.HEADERS_ES : ImportRows.HEADERS_EN).getOrDefault(e.field(), e.field()) + ": "
                        + e.message()).toList())));
                csv.printRecord(cells);
            }
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return out.toString();
    }

    public String template(Locale locale) {
        return ImportRows.template(!"en".equals(locale.getLanguage()));
    }

    private ImportRow render(StoredRow row) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> errors = row.errors().stream().map(e -> new RowError(e.field(), e.code(),
                messages.getMessage("import.error." + e.code(), e.args().toArray(), e.code(), locale))).toList();
        return new ImportRow(row.line(), row.values().get("commercialName"), row.values().get("taxId"),
                row.values().get("contactName"), row.values(), errors);
    }
}
