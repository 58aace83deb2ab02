package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;
import com.ambiosys.support.TestTenants.TestTenant;

import tools.jackson.databind.JsonNode;

/** CSV import of customers: preview with per-row errors, commit of the good rows only, history. */
class CustomerImportTest extends TenantApiTest {

    static final String CSV = """
            tipo,nombre_comercial,nit,pais,etiquetas,contacto,telefonos,correos,departamento,municipio,zona,direccion,latitud,longitud
            PERSONA,José Pérez,,GT,fosa-septica,José Pérez,+502 5555-1234,jose.perez@example.com,Guatemala,Mixco,Zona 1,1a. Calle 2-30,14.63,-90.60
            EMPRESA,"Constructora Los Altos, S.A.",576937-K,GT,construccion|permanente,Ing. Roberto Monterroso,5512 3344,compras@losaltos.com.gt,Quetzaltenango,Quetzaltenango,,Diagonal 2 5-10,,
            EMPRESA,NIT malo,1234567,GT,,,,,,,,,,
            EMPRESA,Teléfono malo,,GT,,Ana,12,,,,,,,
            EMPRESA,Lugar que no existe,,GT,,,,,Guatemala,Antigua Guatemala,,5a. Avenida,,
            EMPRESA,Repetido en el archivo,576937K,GT,,,,,,,,,,
            ,,,,,,,,,,,,,
            EMPRESA,,,GT,,,,,,,,,,
            EMPRESA,Agroindustrias San Miguel,,El Salvador,ptar,Claudia Rivas,7012-3456,,San Salvador,San Salvador Centro,,Calle Arce 1,13.70,
            """;

    Response preview(String token, String name, byte[] content) {
        return api.upload("/api/v1/customers/imports", token, name, "text/csv", content);
    }

    long customers() {
        return api.get("/api/v1/customers").token(admin).send().json().path("total").asLong();
    }

    Map<Integer, List<String>> errorsByLine(JsonNode importJson) {
        return importJson.path("rows").valueStream().filter(r -> !r.path("errors").isEmpty())
            .collect(Collectors.toMap(r -> r.path("line").asInt(), r -> r.path("errors").valueStream()
                .map(e -> e.path("field").asString() + ":" + e.path("code").asString()).toList()));
    }

    @Test
    void previewReportsBadRowsAndCommitStoresOnlyTheGoodOnes() {
        Response preview = preview(admin, "clientes.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("status").asString()).isEqualTo("PREVIEW");
        assertThat(p.path("totalRows").asInt()).isEqualTo(8); // the blank line is skipped
        assertThat(p.path("validRows").asInt()).isEqualTo(2);
        assertThat(errorsByLine(p)).containsOnly(
                Map.entry(4, List.of("taxId:invalid-tax-id")),
                Map.entry(5, List.of("phones:invalid-phone")),
                Map.entry(6, List.of("municipality:unknown-place")), // Antigua is in Sacatepéquez
                Map.entry(7, List.of("taxId:duplicate-in-file")),
                Map.entry(9, List.of("commercialName:required")),
                Map.entry(10, List.of("longitude:incomplete-coordinates")));
        JsonNode line4 = p.path("rows").valueStream().filter(r -> r.path("line").asInt() == 4).findFirst().orElseThrow();
        assertThat(line4.path("errors").get(0).path("message").asString()).isEqualTo("«1234567» no es un NIT válido para el país.");
        assertThat(customers()).isZero(); // a preview stores no customer

        String id = p.path("id").asString();
        Response committed = api.post("/api/v1/customers/imports/" + id + "/commit", Map.of()).token(admin).send();
        assertThat(committed.status()).isEqualTo(200);
        assertThat(committed.json().path("status").asString()).isEqualTo("COMMITTED");
        assertThat(committed.json().path("createdCount").asInt()).isEqualTo(2);
        assertThat(customers()).isEqualTo(2);

        JsonNode found = api.get("/api/v1/customers?q=jose%20perez").token(admin).send().json();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        JsonNode jose = api.get("/api/v1/customers/" + found.path("items").get(0).path("id").asString()).token(admin).send()
            .json();
        assertThat(jose.path("kind").asString()).isEqualTo("PERSON");
        assertThat(jose.path("contacts").get(0).path("phones").get(0).asString()).isEqualTo("+50255551234");
        assertThat(jose.path("addresses").get(0).path("municipalityId").asString()).isEqualTo("GT-0108"); // Mixco
        assertThat(jose.path("addresses").get(0).path("kind").asString()).isEqualTo("SERVICE_SITE");
        assertThat(api.get("/api/v1/customers?q=55123344").token(admin).send().json().path("items").get(0)
            .path("taxId").asString()).isEqualTo("576937K");

        assertThat(api.post("/api/v1/customers/imports/" + id + "/commit", Map.of()).token(admin).send().problemCode())
            .isEqualTo("import-already-committed");
        assertThat(customers()).isEqualTo(2);

        JsonNode history = api.get("/api/v1/customers/imports").token(admin).send().json();
        assertThat(history.path("total").asLong()).isEqualTo(1);
        assertThat(history.path("items").get(0).path("fileName").asString()).isEqualTo("clientes.csv");
        assertThat(history.path("items").get(0).path("createdCount").asInt()).isEqualTo(2);
        assertThat(history.path("items").get(0).path("createdByName").asString()).isNotBlank();
    }

    @Test
    void theReportOfACommittedImportHoldsTheRefusedRowsReadyToFixAndImportAgain() {
        JsonNode p = preview(admin, "clientes.csv", CSV.getBytes(StandardCharsets.UTF_8)).json();
        String id = p.path("id").asString();
        api.post("/api/v1/customers/imports/" + id + "/commit", Map.of()).token(admin).send();

        JsonNode kept = api.get("/api/v1/customers/imports/" + id).token(admin).send().json();
        assertThat(kept.path("status").asString()).isEqualTo("COMMITTED");
        assertThat(errorsByLine(kept)).hasSize(6); // the per-row report stays after the commit

        Response report = api.get("/api/v1/customers/imports/" + id + "/report").token(admin).send();
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("content-type")).startsWith("text/csv");
        assertThat(report.header("content-disposition")).contains("errores-importacion-");
        List<String> lines = report.text().replace("\uFEFF", "").lines().toList();
        String template = api.get("/api/v1/customers/imports/template").token(admin).send().text().replace("\uFEFF", "")
            .lines().findFirst().orElseThrow();
        assertThat(lines.get(0)).isEqualTo(template + ",errores");
        assertThat(lines).hasSize(7); // the header and the six refused rows, not the two created ones
        assertThat(lines).noneMatch(l -> l.contains("José Pérez"));
        assertThat(lines).anyMatch(l -> l.contains("Teléfono malo") && l.contains("línea 5, telefonos: No se reconoce el teléfono 12."));

        // fixed where it was wrong, the report imports as it is: its errors column is ignored
        String fixed = report.text().replace(",12,", ",5012 3456,");
        JsonNode again = preview(admin, "errores.csv", fixed.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(again.path("totalRows").asInt()).isEqualTo(6);
        assertThat(again.path("rows").valueStream().filter(r -> r.path("errors").isEmpty())
            .map(r -> r.path("commercialName").asString()).toList()).containsExactly("Teléfono malo");
        assertThat(api.get("/api/v1/customers/imports/" + id + "/report").token(admin).language("en").send().text())
            .contains(",errors").contains("line 5, phones: ");
    }

    @Test
    void rowsAreCheckedAgainOnCommitAndAgainstExistingCustomers() {
        api.post("/api/v1/customers", Map.of("kind", "PERSON", "commercialName", "Gabriela Xicará", "country", "GT",
                "contact", Map.of("fullName", "Gabriela Xicará", "emails", List.of("gabriela@eventosquetzal.gt"))))
            .token(admin).send();
        String csv = """
                nombre_comercial,pais,nit,correos
                Eventos Quetzal,GT,,Gabriela@EventosQuetzal.gt
                Hotel Casa Antigua,GT,576937-K,
                Municipalidad de Mixco,GT,,servicios@mixco.gob.gt
                """;
        JsonNode p = preview(admin, "eventos.csv", csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(errorsByLine(p)).containsOnly(Map.entry(2, List.of("emails:duplicate-contact")));

        // between preview and commit someone creates a customer with row 3's tax id
        api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", "Los Altos", "country", "GT",
                "taxId", "576937-K")).token(admin).send();
        JsonNode committed = api.post("/api/v1/customers/imports/" + p.path("id").asString() + "/commit", Map.of())
            .token(admin).send().json();
        assertThat(committed.path("createdCount").asInt()).isEqualTo(1);
        assertThat(errorsByLine(committed)).containsOnly(Map.entry(2, List.of("emails:duplicate-contact")),
                Map.entry(3, List.of("taxId:duplicate-tax-id")));
        assertThat(api.get("/api/v1/customers?q=mixco").token(admin).send().json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers?q=casa%20antigua").token(admin).send().json().path("total").asLong())
            .isZero();
    }

    @Test
    void aSpanishExcelFileWithSemicolonsInWindows1252IsRead() {
        String csv = "Nombre comercial;País;Teléfonos;Departamento;Municipio;Distrito;Dirección\r\n"
                + "Panadería San Martín;El Salvador;2222-3333;San Salvador;San Salvador Centro;Mejicanos;Calle Principal #3\r\n";
        JsonNode p = preview(admin, "clientes.csv", csv.getBytes(Charset.forName("windows-1252"))).json();
        assertThat(errorsByLine(p)).isEmpty();
        assertThat(p.path("rows").get(0).path("commercialName").asString()).isEqualTo("Panadería San Martín");
        api.post("/api/v1/customers/imports/" + p.path("id").asString() + "/commit", Map.of()).token(admin).send();
        JsonNode customer = api.get("/api/v1/customers/" + api.get("/api/v1/customers?q=panaderia").token(admin).send()
            .json().path("items").get(0).path("id").asString()).token(admin).send().json();
        assertThat(customer.path("country").asString()).isEqualTo("SV");
        assertThat(customer.path("contacts").get(0).path("phones").get(0).asString()).isEqualTo("+50322223333");
        assertThat(customer.path("addresses").get(0).path("districtId").asString()).isEqualTo("SV-060402");
    }

    @Test
    void anExportCanBeImportedIntoAnotherCompany() throws Exception {
        for (String name : List.of("Eventos Quetzal", "=HYPERLINK(\"x\")")) {
            api.post("/api/v1/customers", Map.of("kind", "COMPANY", "commercialName", name, "country", "GT", "tags",
                    List.of("eventos"), "contact", Map.of("fullName", "Gabriela", "phones", List.of("4421-8890")), "allowDuplicate", true))
                .token(admin).send();
        }
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/customers/export?format=csv")).header("Authorization", "Bearer " + admin)
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        tenants.addUserWithEmail(other, tenant.adminEmail(), SystemRole.SALES); // the export names owners by email
        JsonNode p = preview(otherAdmin, "export.csv", export.body()).json();
        assertThat(p.path("rows").valueStream().map(r -> r.path("commercialName").asString()).toList())
            .containsExactlyInAnyOrder("Eventos Quetzal", "=HYPERLINK(\"x\")");
        assertThat(p.path("rows").get(0).path("values").path("phones").asString()).isEqualTo("+502 4421 8890");
        assertThat(errorsByLine(p)).hasSize(1).containsValue(List.of("phones:duplicate-in-file"));
    }

    @Test
    void badFilesAndMissingPermissionAreRefusedAndImportsStayInTheirTenant() {
        assertThat(preview(admin, "x.csv", "nombre,pais\n".getBytes(StandardCharsets.UTF_8)).problemCode())
            .isEqualTo("import-empty");
        Response missing = preview(admin, "x.csv", "pais,nit\nGT,CF\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("import-missing-columns");
        StringBuilder big = new StringBuilder("nombre_comercial,pais\n");
        for (int i = 0; i <= 5000; i++) {
            big.append("Cliente ").append(i).append(",GT\n");
        }
        assertThat(preview(admin, "x.csv", big.toString().getBytes(StandardCharsets.UTF_8)).problemCode())
            .isEqualTo("import-too-many-rows");
        assertThat(api.get("/api/v1/customers/imports").token(admin).send().json().path("total").asLong()).isZero();

        tenants.addUser(tenant, "ana", SystemRole.SALES);
        String ana = api.login(tenant.email("ana"), TestTenants.PASSWORD);
        assertThat(preview(ana, "x.csv", CSV.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);

        Response template = api.get("/api/v1/customers/imports/template").token(admin).send();
        assertThat(template.header("content-type")).startsWith("text/csv");
        assertThat(template.text()).contains("nombre_comercial", "telefonos", "departamento");
        // the template's own example imports cleanly
        JsonNode example = preview(admin, "plantilla.csv", template.text().getBytes(StandardCharsets.UTF_8)).json();
        assertThat(errorsByLine(example)).isEmpty();
        assertThat(api.get("/api/v1/customers/imports/template").token(admin).language("en").send().text())
            .contains("commercial_name", "phones");

        String id = example.path("id").asString();
        TestTenant other = tenants.create();
        String otherAdmin = api.login(other.adminEmail(), TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/customers/imports/" + id).token(otherAdmin).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/customers/imports/" + id + "/commit", Map.of()).token(otherAdmin).send().status())
            .isEqualTo(404);
        assertThat(api.get("/api/v1/customers/imports/" + id).token(admin).send().json().path("status").asString())
            .isEqualTo("PREVIEW");
    }
}
