package com.ambiosys.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.ambiosys.support.ApiClient;
import com.ambiosys.support.SystemTest;

import tools.jackson.databind.JsonNode;

/** The demo tenant's inbox: Spanish canned responses and the two sales teams of demo agents. */
@SystemTest
class DemoInboxTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoTenantHasCannedResponsesAndSalesTeams() {
        ApiClient api = new ApiClient(port);
        String agent = api.login("atencion@ambiotec.example", "Demo-Admin-2026!");
        JsonNode canned = api.get("/api/v1/inbox/canned-responses?size=50").token(agent).send().json();
        assertThat(canned.path("items").valueStream().map(c -> c.path("shortCode").asString()).toList())
            .contains("saludo", "horario", "precios-sanitarios", "ubicacion", "gracias");
        assertThat(api.get("/api/v1/inbox/canned-responses?q=saludo").token(agent).send().json().path("items").get(0)
            .path("body").asString()).contains("{{nombre}}");
        JsonNode teams = api.get("/api/v1/inbox/teams").token(agent).send().json();
        assertThat(teams.valueStream().map(t -> t.path("name").asString()).toList())
            .containsExactly("Ventas El Salvador", "Ventas Guatemala");
        assertThat(teams.get(0).path("members").get(0).path("name").asString()).isEqualTo("Ana Beatriz Hernández");
        assertThat(teams.get(1).path("members").valueStream().map(m -> m.path("name").asString()).toList())
            .containsExactly("Carlos Enrique Pérez", "Lucía Fernanda Morales");
    }

    /**
     * The canned price list quotes the demo catalog: its prices, which exclude VAT (a line of a catalog item adds
     * the item's VAT rate), so each is quoted "+ IVA", never as including it.
     */
    @Test
    void theCannedPriceListQuotesTheCatalogsPricesWithVatAdded() {
        ApiClient api = new ApiClient(port);
        String admin = api.login("admin@ambiotec.example", "Demo-Admin-2026!");
        String body = api.get("/api/v1/inbox/canned-responses?size=50").token(admin).send().json().path("items").valueStream()
            .filter(c -> c.path("shortCode").asString().equals("precios-sanitarios")).findFirst().orElseThrow()
            .path("body").asString();
        JsonNode catalog = api.get("/api/v1/catalog/items?size=100&active=true").token(admin).send().json().path("items");
        Matcher amount = Pattern.compile("(Q|US\\$)(\\d+\\.\\d{2})( \\+ IVA)?").matcher(body);
        int quoted = 0;
        while (amount.find()) {
            quoted++;
            String currency = amount.group(1).equals("Q") ? "GTQ" : "USD";
            java.math.BigDecimal price = new java.math.BigDecimal(amount.group(2));
            assertThat(catalog.valueStream().filter(i -> i.path("currency").asString().equals(currency)
                    && i.path("price").decimalValue().compareTo(price) == 0)).as("%s is a price of the catalog", amount.group())
                .isNotEmpty();
            assertThat(amount.group(3)).as("%s is quoted with VAT added, as the catalog adds it", amount.group()).isNotNull();
        }
        assertThat(quoted).isGreaterThanOrEqualTo(3);
        assertThat(body).doesNotContainIgnoringCase("IVA incluido");
    }
}
