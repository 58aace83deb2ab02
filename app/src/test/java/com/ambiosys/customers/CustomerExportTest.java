package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.platform.tx.StreamingReads;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** The customer export: what a person reads, in their language, and what the import takes back as it is. */
class CustomerExportTest extends TenantApiTest {

    static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala");

    @BeforeEach
    void setUp() {
        for (String[] c : new String[][] { { "Ñandú Eventos", "+502 5555 1111", "eventos" },
                { "=cmd|' /C calc'!A0", "+502 5555 2222", "permanente" }, { "Álvarez y Asociados", "+502 5555 3333", "eventos" } }) {
            api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", c[0], "country", "GT",
                    "tags", List.of(c[2]), "contact", Map.of("fullName", "Contacto " + c[2], "phones", List.of(c[1]))))
                .token(admin).send();
        }
    }

    HttpResponse<byte[]> export(String token, String query) throws Exception {
        return export(token, query, "es");
    }

    HttpResponse<byte[]> export(String token, String query, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/customers/export?" + query)).header("Authorization", "Bearer " + token)
            .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    String templateHeader(String language) {
        return api.get("/api/v1/customers/imports/template").token(admin).language(language).send().text()
            .replace("\uFEFF", "").lines().findFirst().orElseThrow();
    }

    /** A Person with an address in Mixco, blocked: every translated column has a value. */
    String personWithAddress(String token) {
        String id = api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "José Pérez", "country", "GT",
                "contact", Map.of("fullName", "José Pérez", "role", "BILLING", "phones", List.of("4421 8890"),
                        "emails", List.of("jose@example.com"))))
            .token(token).send().json().path("id").asString();
        Map<String, Object> address = new HashMap<>(Map.of("kind", "SERVICE_SITE", "departmentId", "GT-01",
                "municipalityId", "GT-0108", "street", "1a. Calle 2-30", "zone", "Zona 1"));
        assertThat(api.post("/api/v1/customers/" + id + "/addresses", address).token(token).send().status()).isEqualTo(201);
        assertThat(api.put("/api/v1/customers/" + id + "/status", Map.of("status", "BLOCKED", "reason", "mora"))
            .token(token).send().status()).isLessThan(300);
        return id;
    }

    @Test
    void csvSpeaksTheCallersLanguageInTheTemplatesColumnsAndTheTenantsTimeZone() throws Exception {
        String id = personWithAddress(admin);
        HttpResponse<byte[]> es = export(admin, "format=csv&q=jose");
        assertThat(es.statusCode()).isEqualTo(200);
        String today = LocalDate.now(GUATEMALA).toString();
        assertThat(es.headers().firstValue("Content-Disposition").orElseThrow()).contains("clientes-" + today + ".csv");
        List<String> lines = text(es).lines().toList();
        assertThat(lines.get(0)).isEqualTo(templateHeader("es"));
        String created = CustomerExports.moment(api.get("/api/v1/customers/" + id).token(admin).send().json()
            .path("createdAt").asString().transform(java.time.Instant::parse), GUATEMALA);
        assertThat(lines.get(1)).isEqualTo("Persona,José Pérez,,Guatemala,,," + tenant.adminEmail()
                + ",José Pérez,Facturación,+502 4421 8890,jose@example.com,Lugar de servicio,Guatemala,Mixco,,Zona 1,"
                + "1a. Calle 2-30,,,,Bloqueado," + created);

        HttpResponse<byte[]> en = export(admin, "format=csv&q=jose", "en");
        assertThat(en.headers().firstValue("Content-Disposition").orElseThrow()).contains("customers-" + today + ".csv");
        List<String> english = text(en).lines().toList();
        assertThat(english.get(0)).isEqualTo(templateHeader("en"));
        assertThat(english.get(1)).startsWith("Person,José Pérez,,Guatemala,").contains(",Billing,", ",Service site,")
            .endsWith(",Blocked," + created);
    }

    @Test
    void csvHasTheFilteredRowsAndNoFormulas() throws Exception {
        String csv = text(export(admin, "format=csv&tag=eventos"));
        assertThat(csv).contains("Ñandú Eventos").contains("Álvarez y Asociados").contains("+502 5555 1111")
            .contains("Empresa,").contains(",Activo,").doesNotContain("calc").doesNotContain("COMPANY");
        String all = text(export(admin, "format=csv"));
        assertThat(all).contains("'=cmd|"); // neutralized: a spreadsheet shows it as text
    }

    @Test
    void xlsxOpensWithOneRowPerCustomerAndItsNameInTheCallersLanguage() throws Exception {
        HttpResponse<byte[]> response = export(admin, "format=xlsx&q=502555", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("customers-")
            .contains(".xlsx").doesNotContain("clientes");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("kind");
            assertThat(rows.get(0).getCellText(1)).isEqualTo("commercial_name");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(1)).toList())
                .containsExactlyInAnyOrder("Ñandú Eventos", "=cmd|' /C calc'!A0", "Álvarez y Asociados");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Company");
        }
        assertThat(export(admin, "format=xlsx").headers().firstValue("Content-Disposition").orElseThrow())
            .contains("clientes-");
    }

    /**
     * The round trip that means something: the export, imported as it is into another company (where its owner
     * works too), previews with no error and creates the same customers, so that the second company's export is
     * the first one's but for the dates of registration. Into the same company the preview recognises every row as
     * one of its customers (a duplicate: the import creates, it does not update) and finds nothing else wrong.
     */
    @Test
    void anExportImportedAsItIsIntoAnotherCompanyCreatesTheSameCustomers() throws Exception {
        personWithAddress(admin);
        for (String language : List.of("es", "en")) {
            HttpResponse<byte[]> exported = export(admin, "format=csv", language);
            TestTenant other = tenants.create();
            String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
            tenants.addUserWithEmail(other, tenant.adminEmail(), SystemRole.SALES);
            Response preview = api.upload("/api/v1/customers/imports", otherAdmin, "export.csv", "text/csv", exported.body());
            assertThat(preview.status()).isEqualTo(201);
            assertThat(preview.json().path("totalRows").asInt()).isEqualTo(4);
            assertThat(preview.json().path("errorRows").asInt()).as(preview.text()).isZero();
            JsonNode committed = api.post("/api/v1/customers/imports/" + preview.json().path("id").asString() + "/commit",
                    Map.of()).token(otherAdmin).send().json();
            assertThat(committed.path("createdCount").asInt()).isEqualTo(4);
            assertThat(withoutDates(text(export(otherAdmin, "format=csv", language))))
                .isEqualTo(withoutDates(text(exported)));

            Response again = api.upload("/api/v1/customers/imports", admin, "export.csv", "text/csv", exported.body());
            assertThat(again.json().path("rows").valueStream().flatMap(r -> r.path("errors").valueStream())
                .map(e -> e.path("code").asString()).distinct().toList()).containsOnly("duplicate-contact");
            assertThat(again.json().path("errorRows").asInt()).isEqualTo(4);
        }
    }

    @Test
    void anExcelExportImportsAsItIsToo() throws Exception {
        personWithAddress(admin);
        HttpResponse<byte[]> exported = export(admin, "format=xlsx", "en");
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        tenants.addUserWithEmail(other, tenant.adminEmail(), SystemRole.SALES);
        Response preview = api.upload("/api/v1/customers/imports", otherAdmin, "customers.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exported.body());
        assertThat(preview.status()).as(preview.text()).isEqualTo(201);
        assertThat(preview.json().path("totalRows").asInt()).isEqualTo(4);
        assertThat(preview.json().path("errorRows").asInt()).as(preview.text()).isZero();
        assertThat(api.upload("/api/v1/customers/imports", otherAdmin, "roto.xlsx", "application/zip",
                new byte[] { 'P', 'K', 3, 4, 0, 0, 1 }).problemCode()).isEqualTo("import-unreadable");
    }

    static List<String> withoutDates(String csv) {
        return csv.lines().map(l -> l.replaceAll(",[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", ",")).toList();
    }

    @Test
    void exportNeedsItsPermissionAndValidFilters() throws Exception {
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        String technician = api.login(tenant.email("tecnico"), TestTenants.PASSWORD);
        assertThat(export(technician, "format=csv").statusCode()).isEqualTo(403);
        assertThat(export(admin, "format=pdf").statusCode()).isEqualTo(400);
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        String own = new String(export(sales, "format=csv").body(), StandardCharsets.UTF_8);
        assertThat(own.lines().count()).as("only the header: the sales rep owns none").isEqualTo(1);
    }

    @Autowired
    CustomerQueries queries;

    /** Customers Lote 0001 … Lote {@code n}, tagged "lote", inserted as the list would order them. */
    void lot(int n) {
        tenantTx.run(tenant.id(), status -> jdbc.sql("""
                insert into customers (tenant_id, id, kind, commercial_name, country, status, tags, created_at, updated_at)
                select :t, gen_random_uuid(), 'COMPANY', 'Lote ' || lpad(i::text, 4, '0'), 'GT', 'ACTIVE',
                       array['lote'], now(), now()
                  from generate_series(1, :n) i
                """).param("t", tenant.id()).param("n", n).update());
    }

    @Test
    void anExportOfMoreRowsThanAreFetchedAtATimeHasEveryRowOnceInOrder() throws Exception {
        int n = StreamingReads.FETCH_SIZE * 2 + 37;
        lot(n);
        List<String> lines = text(export(admin, "format=csv&tag=lote")).lines().skip(1).toList();
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, n)
            .mapToObj(i -> "Lote " + String.format("%04d", i)).toList();
        assertThat(lines.stream().map(l -> l.split(",", -1)[1]).toList()).containsExactlyElementsOf(expected);
    }

    /**
     * The rows stream: when the first one is handed over, the statement is still open on the server as a portal (a
     * cursor the driver fetches from), which it is not when the driver has read the whole result at once.
     */
    @Test
    void theExportReadsThroughACursorABatchAtATime() {
        lot(StreamingReads.FETCH_SIZE + 1);
        List<Long> openCursors = new java.util.ArrayList<>();
        tenantTx.read(tenant.id(), status -> {
            queries.export(new CustomerViews.CustomerFilter(null, null, null, "lote", null), 10_000, row -> {
                if (openCursors.isEmpty()) {
                    openCursors.add(jdbc.sql("select count(*) from pg_cursors where statement like '%customer_addresses%'"
                        + " and statement not like '%pg_cursors%'")
                        .query(Long.class).single());
                }
            });
            return null;
        });
        assertThat(openCursors).containsExactly(1L);
    }
}
