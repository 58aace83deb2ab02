package com.ambiosys.servicerequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

/** The request list exported as CSV and XLSX: its filters, the caller's language, the tenant's zone, its permission. */
class ServiceRequestExportTest extends TenantApiTest {

    static final ZoneId GUATEMALA = ZoneId.of("America/Guatemala"); // the test tenant's zone

    String customer;
    String type;
    JsonNode quoted;

    @BeforeEach
    void setUp() {
        type = api.post("/api/v1/service-types", Map.of("code", "OTHER", "name", "Otro servicio", "dataSchema", "FREE_FORM"))
            .token(admin).send().json().path("id").asString();
        customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "=Hotel Casa Antigua",
                "country", "GT")).token(admin).send().json().path("id").asString();
        for (String description : List.of("Retiro de escombros", "Limpieza", "Revisión")) {
            api.post("/api/v1/service-requests", Map.of("customerId", customer, "serviceTypeId", type, "channel", "PHONE",
                    "priority", "HIGH", "description", description, "typeData", Map.of())).token(admin).send();
        }
        String id = api.get("/api/v1/service-requests?sort=number").token(admin).send().json().path("items").get(0)
            .path("id").asString();
        api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "IN_REVIEW")).token(admin).send();
        quoted = api.post("/api/v1/service-requests/" + id + "/transitions", Map.of("to", "QUOTED")).token(admin).send()
            .json();
    }

    HttpResponse<byte[]> export(String token, String language, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/service-requests/export?" + query)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String local(String instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.ofInstant(Instant.parse(instant), GUATEMALA));
    }

    @Test
    void csvInSpanishHasTheFilteredRequestsInWordsAndTheTenantsTimes() throws Exception {
        HttpResponse<byte[]> response = export(admin, "es", "format=csv&status=QUOTED");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("solicitudes-")
            .contains(".csv");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("Número", "Cliente", "Tipo de servicio", "Estado", "Prioridad",
                "Canal", "Vendedor", "Fecha solicitada", "Creada", "SLA de respuesta", "SLA de resolución", "Vence");
        assertThat(rows).hasSize(2); // the header and the one quoted request
        CSVRecord row = rows.get(1);
        assertThat(row.get(0)).isEqualTo(quoted.path("number").asString());
        assertThat(row.get(1)).isEqualTo("'=Hotel Casa Antigua"); // not a formula
        assertThat(row.get(2)).isEqualTo("Otro servicio");
        assertThat(row.get(3)).isEqualTo("Cotizada");
        assertThat(row.get(4)).isEqualTo("Alta");
        assertThat(row.get(5)).isEqualTo("Teléfono");
        assertThat(row.get(8)).isEqualTo(local(quoted.path("createdAt").asString()));

        String all = new String(export(admin, "es", "format=csv").body(), StandardCharsets.UTF_8);
        assertThat(all.lines().count()).isEqualTo(4);
    }

    @Test
    void xlsxInEnglishOpensWithOneRowPerRequestAndRealDates() throws Exception {
        HttpResponse<byte[]> response = export(admin, "en", "format=xlsx&sort=number");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("service-requests-")
            .contains(".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Number");
            assertThat(rows.get(0).getCellText(3)).isEqualTo("Status");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(3)).toList()).containsExactly("Quoted", "New", "New");
            assertThat(rows.get(1).getCellText(4)).isEqualTo("High");
            assertThat(rows.get(1).getCellText(6)).isEqualTo("Administradora " + tenant.slug()); // the creator, by name
            LocalDateTime created = rows.get(1).getCellAsDate(8).orElseThrow();
            assertThat(created.truncatedTo(ChronoUnit.MINUTES)).as("a date cell, in the tenant's zone").isEqualTo(
                    LocalDateTime.ofInstant(Instant.parse(quoted.path("createdAt").asString()), GUATEMALA)
                        .truncatedTo(ChronoUnit.MINUTES));
        }
    }

    @Test
    void exportNeedsItsPermissionAndSeesOnlyWhatTheListShows() throws Exception {
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        assertThat(export(sales, "es", "format=csv").statusCode()).isEqualTo(403);
        assertThat(export(admin, "es", "format=pdf").statusCode()).isEqualTo(400);
        assertThat(export(admin, "es", "format=csv&status=FLYING").statusCode()).isEqualTo(400);
    }
}
