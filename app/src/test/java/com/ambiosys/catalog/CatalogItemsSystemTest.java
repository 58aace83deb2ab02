package com.ambiosys.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.identity.SystemRole;
import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;
import com.ambiosys.support.TestTenants;

import tools.jackson.databind.JsonNode;

class CatalogItemsSystemTest extends TenantApiTest {

    static final String ITEMS = "/api/v1/catalog/items";

    @Autowired
    CatalogManagement catalog;

    String category(String token, String parentId, String name, String prefix) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        body.put("name", name);
        body.put("skuPrefix", prefix);
        Response created = api.post("/api/v1/catalog/categories", body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    Map<String, Object> item(String categoryId, String name, String price, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryId", categoryId);
        body.put("kind", "SERVICE");
        body.put("name", name);
        body.put("unit", "MONTH");
        body.put("price", new BigDecimal(price));
        body.put("currency", currency);
        body.put("vatRate", new BigDecimal("GTQ".equals(currency) ? "12" : "13"));
        return body;
    }

    JsonNode create(String token, Map<String, Object> body) {
        Response created = api.post(ITEMS, body).token(token).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    List<String> names(String query) {
        return api.get(ITEMS + "?" + query).token(admin).send().json().path("items").valueStream()
            .map(i -> i.path("name").asString()).toList();
    }

    @Test
    void searchFindsItemsWithEveryWordAnywhereInAnyOrder() {
        String toilets = category(admin, null, "Sanitarios portátiles", "SAN");
        create(admin, item(toilets, "Sanitario portátil estándar – renta mensual", "850", "GTQ"));
        create(admin, item(toilets, "Sanitario VIP con lavamanos", "450", "GTQ"));

        assertThat(names("q=sanitario%20mensual")).containsExactly("Sanitario portátil estándar – renta mensual");
        assertThat(names("q=MENSUAL%20estandar")).containsExactly("Sanitario portátil estándar – renta mensual");
        assertThat(names("q=lavamanos%20%20sanitario")).containsExactly("Sanitario VIP con lavamanos");
        assertThat(names("q=san-0002%20lavamanos")).containsExactly("Sanitario VIP con lavamanos");
        assertThat(names("q=sanitario")).containsExactlyInAnyOrder("Sanitario portátil estándar – renta mensual",
                "Sanitario VIP con lavamanos");
        assertThat(names("q=portatil%20lavamanos")).as("every word must be found").isEmpty();
    }

    @Test
    void itemsTakeTheirCategorysPrefixAndAreFoundByNameSkuAndFilters() {
        String toilets = category(admin, null, "Sanitarios portátiles", "SAN");
        String supplies = category(admin, null, "Insumos", "INS");
        String paper = category(admin, supplies, "Papel", "PAP");
        JsonNode standard = create(admin, item(toilets, "Sanitario portátil estándar – renta mensual", "850", "GTQ"));
        assertThat(standard.path("sku").asString()).isEqualTo("SAN-0001");
        assertThat(standard.path("price").decimalValue()).isEqualByComparingTo("850.00");
        assertThat(standard.path("categoryName").asString()).isEqualTo("Sanitarios portátiles");
        assertThat(create(admin, item(toilets, "Sanitario VIP con lavamanos", "450", "GTQ")).path("sku").asString())
            .isEqualTo("SAN-0002");
        Map<String, Object> box = item(paper, "Papel higiénico industrial (caja)", "210", "USD");
        box.put("kind", "PRODUCT");
        box.put("unit", "BOX");
        assertThat(create(admin, box).path("sku").asString()).isEqualTo("PAP-0001");

        assertThat(names("q=SANITARIO%20portatil")).containsExactly("Sanitario portátil estándar – renta mensual");
        assertThat(names("q=vip")).containsExactly("Sanitario VIP con lavamanos");
        assertThat(names("q=san-0002")).containsExactly("Sanitario VIP con lavamanos");
        assertThat(names("categoryId=" + supplies)).containsExactly("Papel higiénico industrial (caja)"); // subcategories too
        assertThat(names("kind=PRODUCT")).containsExactly("Papel higiénico industrial (caja)");
        assertThat(names("currency=GTQ&sort=-price")).containsExactly("Sanitario portátil estándar – renta mensual",
                "Sanitario VIP con lavamanos");
        assertThat(api.get(ITEMS + "?size=1").token(admin).send().json().path("total").asLong()).isEqualTo(3);
        assertThat(api.get(ITEMS + "?sort=color").token(admin).send().problemCode()).isEqualTo("unknown-sort");

        Map<String, Object> changes = item(paper, "Sanitario estándar (mensual)", "1", "GTQ");
        changes.remove("price");
        changes.remove("currency");
        changes.put("description", "Incluye una limpieza semanal");
        changes.put("version", standard.path("version").asLong());
        Response updated = api.put(ITEMS + "/" + standard.path("id").asString(), changes).token(admin).send();
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("sku").asString()).as("the SKU stays when the item moves").isEqualTo("SAN-0001");
        assertThat(updated.json().path("categoryName").asString()).isEqualTo("Papel");
        assertThat(updated.json().path("price").decimalValue()).isEqualByComparingTo("850");
        // the same stale version again: somebody else changed it first
        Response stale = api.put(ITEMS + "/" + standard.path("id").asString(), changes).token(admin).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("concurrent-change");
    }

    @Test
    void eachTenantNumbersItsOwnSkus() {
        String mine = category(admin, null, "Sanitarios", "SAN");
        String otherAdmin = api.login(tenants.create().adminEmail(), TestTenants.PASSWORD);
        String theirs = category(otherAdmin, null, "Sanitarios", "SAN");
        assertThat(create(admin, item(mine, "Estándar", "850", "GTQ")).path("sku").asString()).isEqualTo("SAN-0001");
        assertThat(create(otherAdmin, item(theirs, "Estándar", "95", "USD")).path("sku").asString()).isEqualTo("SAN-0001");
        assertThat(create(admin, item(mine, "VIP", "450", "GTQ")).path("sku").asString()).isEqualTo("SAN-0002");
    }

    @Test
    void twentyItemsCreatedAtOnceGetTwentyConsecutiveSkus() throws Exception {
        String toilets = category(admin, null, "Sanitarios", "SAN");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                Map<String, Object> body = item(toilets, "Sanitario " + n, "100", "GTQ");
                futures.add(pool.submit(() -> api.post(ITEMS, body).token(admin).send()));
            }
            List<String> skus = new ArrayList<>();
            for (Future<Response> future : futures) {
                Response response = future.get();
                assertThat(response.status()).as(response.text()).isEqualTo(201);
                skus.add(response.json().path("sku").asString());
            }
            assertThat(skus).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 20).mapToObj(n -> String.format("SAN-%04d", n)).toList());
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeactivatedItemKeepsItsSkuAndTheNumberIsNotGivenAgain() {
        String toilets = category(admin, null, "Sanitarios", "SAN");
        String first = create(admin, item(toilets, "Estándar", "850", "GTQ")).path("id").asString();
        Response off = api.post(ITEMS + "/" + first + "/deactivate", null).token(admin).send();
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("active").asBoolean()).isFalse();
        assertThat(create(admin, item(toilets, "Estándar nuevo", "900", "GTQ")).path("sku").asString()).isEqualTo("SAN-0002");
        assertThat(names("active=true")).containsExactly("Estándar nuevo");
        assertThat(names("active=false")).containsExactly("Estándar");
        assertThat(api.post(ITEMS + "/" + first + "/activate", null).token(admin).send().json().path("active").asBoolean())
            .isTrue();
        JsonNode audit = api.get("/api/v1/audit-log?entityType=catalog_item&entityId=" + first).token(admin).send().json();
        assertThat(audit.path("items").valueStream().map(e -> e.path("action").asString()).toList())
            .containsExactly("UPDATE", "UPDATE", "CREATE");
    }

    @Test
    void priceChangesAreKeptWithWhoWhenWhyAndTheOldAndNewPrice() {
        String toilets = category(admin, null, "Sanitarios", "SAN");
        JsonNode created = create(admin, item(toilets, "Estándar", "850", "GTQ"));
        String id = created.path("id").asString();
        Response changed = api.put(ITEMS + "/" + id + "/price", Map.of("price", new BigDecimal("900.00"), "currency", "GTQ",
                "reason", "Ajuste anual", "version", created.path("version").asLong())).token(admin).send();
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("price").decimalValue()).isEqualByComparingTo("900");
        assertThat(api.put(ITEMS + "/" + id + "/price", Map.of("price", 95, "currency", "USD")).token(admin).send().status())
            .isEqualTo(200);
        // the same price again is no change
        api.put(ITEMS + "/" + id + "/price", Map.of("price", 95, "currency", "USD")).token(admin).send();

        JsonNode history = api.get(ITEMS + "/" + id + "/price-history").token(admin).send().json();
        assertThat(history.path("total").asLong()).isEqualTo(3);
        JsonNode latest = history.path("items").get(0);
        assertThat(latest.path("oldPrice").decimalValue()).isEqualByComparingTo("900");
        assertThat(latest.path("oldCurrency").asString()).isEqualTo("GTQ");
        assertThat(latest.path("newPrice").decimalValue()).isEqualByComparingTo("95");
        assertThat(latest.path("newCurrency").asString()).isEqualTo("USD");
        JsonNode annual = history.path("items").get(1);
        assertThat(annual.path("oldPrice").decimalValue()).isEqualByComparingTo("850");
        assertThat(annual.path("newPrice").decimalValue()).isEqualByComparingTo("900");
        assertThat(annual.path("reason").asString()).isEqualTo("Ajuste anual");
        assertThat(annual.path("changedBy").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(annual.path("changedByName").asString()).isEqualTo("Administradora " + tenant.slug());
        assertThat(annual.path("changedAt").asString()).isNotBlank();
        JsonNode first = history.path("items").get(2);
        assertThat(first.path("oldPrice").isNull()).isTrue();
        assertThat(first.path("newPrice").decimalValue()).isEqualByComparingTo("850");
        assertThat(api.get(ITEMS + "/" + id + "/price-history?size=1&page=2").token(admin).send().json().path("items").get(0)
            .path("newPrice").decimalValue()).isEqualByComparingTo("850");
    }

    @Test
    void invalidDataIsRefusedWithTheFieldsAndNothingIsStored() {
        String toilets = category(admin, null, "Sanitarios", "SAN");
        Response bad = api.post(ITEMS, Map.of("categoryId", toilets, "kind", "GIFT", "name", "", "unit", "PARSEC",
                "price", new BigDecimal("-1"), "currency", "EUR", "vatRate", new BigDecimal("12.345"))).token(admin).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("validation");
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .contains("kind", "name", "unit", "price", "currency", "vatRate");
        Response tooPrecise = api.post(ITEMS, item(toilets, "X", "10.001", "GTQ")).token(admin).send();
        assertThat(tooPrecise.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactly("price");
        Response noCategory = api.post(ITEMS, item(UUID.randomUUID().toString(), "X", "10", "GTQ")).token(admin).send();
        assertThat(noCategory.status()).isEqualTo(400);
        assertThat(noCategory.problemCode()).isEqualTo("unknown-category");
        assertThat(api.get(ITEMS).token(admin).send().json().path("total").asLong()).isZero();
        // and no number was spent: the next item is the first
        assertThat(create(admin, item(toilets, "Estándar", "850", "GTQ")).path("sku").asString()).isEqualTo("SAN-0001");
    }

    @Test
    void anotherTenantsIdsAnswer404() {
        String category = category(admin, null, "Sanitarios", "SAN");
        String id = create(admin, item(category, "Estándar", "850", "GTQ")).path("id").asString();
        String other = api.login(tenants.create().adminEmail(), TestTenants.PASSWORD);
        String theirCategory = category(other, null, "Propia", "PRO");
        Map<String, Object> changes = item(theirCategory, "Robado", "1", "GTQ");
        changes.remove("price");
        changes.remove("currency");
        Map<String, Object> categoryBody = Map.of("name", "Robada", "skuPrefix", "ROB");
        List<Response> answers = List.of(
                api.get(ITEMS + "/" + id).token(other).send(),
                api.put(ITEMS + "/" + id, changes).token(other).send(),
                api.put(ITEMS + "/" + id + "/price", Map.of("price", 1, "currency", "GTQ")).token(other).send(),
                api.post(ITEMS + "/" + id + "/deactivate", null).token(other).send(),
                api.post(ITEMS + "/" + id + "/activate", null).token(other).send(),
                api.get(ITEMS + "/" + id + "/price-history").token(other).send(),
                api.get("/api/v1/catalog/categories/" + category).token(other).send(),
                api.put("/api/v1/catalog/categories/" + category, categoryBody).token(other).send(),
                api.delete("/api/v1/catalog/categories/" + category).token(other).send());
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(404));
        // nor may another tenant's category be used as a parent or for an item
        assertThat(api.post(ITEMS, item(category, "X", "1", "GTQ")).token(other).send().problemCode())
            .isEqualTo("unknown-category");
        assertThat(api.get(ITEMS).token(other).send().json().path("total").asLong()).isZero();
        JsonNode mine = api.get(ITEMS + "/" + id).token(admin).send().json();
        assertThat(mine.path("name").asString()).isEqualTo("Estándar");
        assertThat(mine.path("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/catalog/categories/" + category).token(admin).send().status()).isEqualTo(200);
    }

    @Test
    void salesRepsSeeTheCatalogButCannotChangeItAndTechniciansCannotSeeIt() {
        String category = category(admin, null, "Sanitarios", "SAN");
        String id = create(admin, item(category, "Estándar", "850", "GTQ")).path("id").asString();
        tenants.addUser(tenant, "vendedor", SystemRole.SALES);
        tenants.addUser(tenant, "tecnico", SystemRole.TECHNICIAN);
        String sales = api.login(tenant.email("vendedor"), TestTenants.PASSWORD);
        String technician = api.login(tenant.email("tecnico"), TestTenants.PASSWORD);
        assertThat(api.get(ITEMS).token(sales).send().json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get(ITEMS + "/" + id + "/price-history").token(sales).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/catalog/categories").token(sales).send().status()).isEqualTo(200);
        assertThat(api.put(ITEMS + "/" + id + "/price", Map.of("price", 1, "currency", "GTQ")).token(sales).send().status())
            .isEqualTo(403);
        assertThat(api.post(ITEMS + "/" + id + "/deactivate", null).token(sales).send().status()).isEqualTo(403);
        assertThat(api.post(ITEMS, item(category, "X", "1", "GTQ")).token(sales).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/catalog/categories/" + category).token(sales).send().status()).isEqualTo(403);
        assertThat(api.get(ITEMS).token(technician).send().status()).isEqualTo(403);
        assertThat(api.get(ITEMS + "/" + id).token(admin).send().json().path("price").decimalValue()).isEqualByComparingTo("850");
    }

    @Test
    void otherModulesFindAnItemOfTheCurrentTenantOnly() {
        String category = category(admin, null, "Sanitarios", "SAN");
        UUID id = UUID.fromString(create(admin, item(category, "Estándar", "850", "GTQ")).path("id").asString());
        var found = TenantContext.callAs(tenant.id(), () -> catalog.findItem(id));
        assertThat(found).hasValueSatisfying(i -> {
            assertThat(i.sku()).isEqualTo("SAN-0001");
            assertThat(i.unit()).isEqualTo(Unit.MONTH);
            assertThat(i.price()).isEqualByComparingTo("850");
            assertThat(i.currency()).isEqualTo(Currency.GTQ);
            assertThat(i.vatRate()).isEqualByComparingTo("12");
            assertThat(i.active()).isTrue();
        });
        assertThat(TenantContext.callAs(tenants.create().id(), () -> catalog.findItem(id))).isEmpty();
    }

    @Test
    void theDemoTenantHasACatalogWithPriceChanges() {
        String demo = api.login("admin@ambiotec.example", "Demo-Admin-2026!");
        JsonNode tree = api.get("/api/v1/catalog/categories").token(demo).send().json();
        assertThat(tree.valueStream().map(c -> c.path("skuPrefix").asString()).toList())
            .contains("SAN", "FOS", "PTAR", "INS", "QUI", "PAP");
        JsonNode items = api.get(ITEMS + "?size=50").token(demo).send().json();
        assertThat(items.path("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(items.path("items").valueStream().map(i -> i.path("currency").asString()).distinct().toList())
            .contains("GTQ", "USD");
        JsonNode standard = api.get(ITEMS + "?q=SAN-0001").token(demo).send().json().path("items").get(0);
        assertThat(standard.path("price").decimalValue()).isEqualByComparingTo("900");
        JsonNode history = api.get(ITEMS + "/" + standard.path("id").asString() + "/price-history").token(demo).send().json();
        assertThat(history.path("items").get(0).path("changedByName").asString()).isEqualTo("María José Castillo");
        assertThat(history.path("items").get(0).path("oldPrice").decimalValue()).isEqualByComparingTo("850");
    }
}
