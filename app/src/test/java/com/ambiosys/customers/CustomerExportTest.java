package com.ambiosys.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

class CustomerExportTest extends TenantApiTest {



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
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/customers/export?" + query)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void csvHasSpanishHeadersTheFilteredRowsAndNoFormulas() throws Exception {
        HttpResponse<byte[]> response = export(admin, "format=csv&tag=eventos");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("clientes-").contains(".csv");
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNombre comercial,Tipo,NIT");
        assertThat(csv).contains("Ñandú Eventos").contains("Álvarez y Asociados").contains("+50255551111")
            .doesNotContain("calc");
        String all = new String(export(admin, "format=csv").body(), StandardCharsets.UTF_8);
        assertThat(all).contains("'=cmd|"); // neutralized: a spreadsheet shows it as text
    }

    @Test
    void xlsxOpensWithOneRowPerCustomer() throws Exception {
        HttpResponse<byte[]> response = export(admin, "format=xlsx&q=502555");
        assertThat(response.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Nombre comercial");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(0)).toList())
                .containsExactlyInAnyOrder("Ñandú Eventos", "=cmd|' /C calc'!A0", "Álvarez y Asociados");
        }
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
}
