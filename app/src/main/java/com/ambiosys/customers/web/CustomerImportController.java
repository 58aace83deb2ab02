package com.ambiosys.customers.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.ambiosys.customers.CustomerImports;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.ApiException;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** CSV (or Excel) import of customers: template, preview (nothing stored but the import), commit, history, report. */
@RestController
@RequestMapping("/api/v1/customers/imports")
class CustomerImportController {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final CustomerImports imports;

    CustomerImportController(CustomerImports imports) {
        this.imports = imports;
    }

    @GetMapping("/template")
    @RequiresPermission("customers:import")
    ResponseEntity<byte[]> template() {
        String name = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "customers-template.csv"
                : "plantilla-clientes.csv";
        byte[] body = ("\uFEFF" + imports.template(LocaleContextHolder.getLocale())).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("customers:import")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CustomerImports.Import> preview(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "import-too-large", MAX_BYTES / 1024 / 1024);
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "import.csv"
                : file.getOriginalFilename().replaceAll("[\\\\/]", "_");
        CustomerImports.Import preview = imports.preview(name.length() > 200 ? name.substring(0, 200) : name, text(bytes));
        return ResponseEntity.created(URI.create("/api/v1/customers/imports/" + preview.id())).body(preview);
    }

    @PostMapping("/{id}/commit")
    @RequiresPermission("customers:import")
    CustomerImports.Import commit(@PathVariable UUID id) {
        return imports.commit(id);
    }

    @GetMapping("/{id}")
    @RequiresPermission("customers:import")
    CustomerImports.Import get(@PathVariable UUID id) {
        return imports.get(id);
    }

    /** The rows the import refused, with their errors, as a CSV to fix and import again. */
    @GetMapping("/{id}/report")
    @RequiresPermission("customers:import")
    ResponseEntity<byte[]> report(@PathVariable UUID id) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        String name = ("en".equals(locale.getLanguage()) ? "import-errors-" : "errores-importacion-") + id.toString()
            .substring(0, 8) + ".csv";
        byte[] body = ("\uFEFF" + imports.report(id, locale)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping
    @RequiresPermission("customers:import")
    PageResponse<CustomerImports.ImportSummary> history(@Valid PageQuery page) {
        return imports.history(page);
    }

    /**
     * An Excel workbook's first sheet (an .xlsx, what the export writes), or CSV text in UTF-8 (with or without BOM)
     * or, failing that, Windows-1252: what Excel writes on Windows.
     */
    static String text(byte[] bytes) {
        if (Spreadsheets.isWorkbook(bytes)) {
            return Spreadsheets.csv(bytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException ex) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
