package com.ambiosys.customers.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.customers.CustomerExports;
import com.ambiosys.customers.CustomerViews;
import com.ambiosys.platform.security.RequiresPermission;

/** CSV and XLSX export of the filtered customer list, written row by row as the database returns them. */
@RestController
@Validated
class CustomerExportController {

    static final int MAX_ROWS = 100_000;

    private final CustomerExports exports;

    CustomerExportController(CustomerExports exports) {
        this.exports = exports;
    }

    /** The import template's columns, values in the caller's language: the file can be imported as it is. */
    @GetMapping("/api/v1/customers/export")
    @RequiresPermission("customers:export")
    void export(@RequestParam(defaultValue = "csv") ExportFormat format,
            @Valid ListFilter filter, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String name = exports.fileName(locale, format.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setContentType(format.contentType());
        if (format == ExportFormat.xlsx) {
            writeXlsx(response.getOutputStream(), locale, filter.criteria());
        }
        else {
            writeCsv(response.getOutputStream(), locale, filter.criteria());
        }
    }

    private void writeCsv(OutputStream out, Locale locale, CustomerViews.CustomerFilter filter) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens accents correctly
        CSVPrinter csv = new CSVPrinter(writer,
                CSVFormat.DEFAULT.builder().setHeader(exports.headers(locale).toArray(String[]::new)).get());
        exports.rows(filter, MAX_ROWS, locale, values -> {
            try {
                csv.printRecord(values.stream().map(CustomerExports::neutralize).toList());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        csv.flush();
    }

    private void writeXlsx(OutputStream out, Locale locale, CustomerViews.CustomerFilter filter) throws IOException {
        Workbook workbook = new Workbook(out, "AmbioSys", "1.0");
        Worksheet sheet = workbook.newWorksheet("en".equals(locale.getLanguage()) ? "Customers" : "Clientes");
        List<String> headers = exports.headers(locale);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        int[] row = { 1 };
        exports.rows(filter, MAX_ROWS, locale, values -> {
            for (int c = 0; c < values.size(); c++) {
                if (!values.get(c).isEmpty()) {
                    sheet.value(row[0], c, values.get(c));
                }
            }
            row[0]++;
        });
        workbook.finish();
    }
}
