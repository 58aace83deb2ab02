package com.ambiosys.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ambiosys.support.ApiClient.Response;
import com.ambiosys.support.TenantApiTest;

import tools.jackson.databind.JsonNode;

class CatalogCategoriesSystemTest extends TenantApiTest {

    static final String CATEGORIES = "/api/v1/catalog/categories";

    String category(String parentId, String name, String prefix) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        body.put("name", name);
        body.put("skuPrefix", prefix);
        Response created = api.post(CATEGORIES, body).token(admin).send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    Response move(String id, String parentId, String name, String prefix) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        body.put("name", name);
        body.put("skuPrefix", prefix);
        return api.put(CATEGORIES + "/" + id, body).token(admin).send();
    }

    @Test
    void buildsATreeDepthFirstWithPathsAndCapitalPrefixes() {
        String supplies = category(null, "Insumos", "ins");
        String toilets = category(null, "Sanitarios portátiles", "SAN");
        String paper = category(supplies, "Papel y jabón", "PAP");
        category(supplies, "Químicos", "QUI");
        JsonNode tree = api.get(CATEGORIES).token(admin).send().json();
        assertThat(tree.valueStream().map(c -> c.path("path").asString()).toList())
            .containsExactly("Insumos", "Insumos / Papel y jabón", "Insumos / Químicos", "Sanitarios portátiles");
        assertThat(tree.get(0).path("skuPrefix").asString()).isEqualTo("INS");
        assertThat(tree.get(0).path("childCount").asLong()).isEqualTo(2);
        assertThat(tree.get(1).path("depth").asInt()).isEqualTo(2);
        assertThat(tree.get(1).path("parentId").asString()).isEqualTo(supplies);

        Response renamed = move(paper, toilets, "Papel higiénico", "PAPEL");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().path("path").asString()).isEqualTo("Sanitarios portátiles / Papel higiénico");
        JsonNode audit = api.get("/api/v1/audit-log?entityType=catalog_category&entityId=" + paper).token(admin).send().json();
        assertThat(audit.path("items").valueStream().map(e -> e.path("action").asString()).toList())
            .containsExactly("UPDATE", "CREATE");
    }

    @Test
    void aCategoryCannotGoUnderItselfOrItsDescendants() {
        String a = category(null, "A", "AA");
        String b = category(a, "B", "BB");
        String c = category(b, "C", "CC");
        Response cycle = move(a, c, "A", "AA");
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.problemCode()).isEqualTo("category-cycle");
        assertThat(move(a, a, "A", "AA").problemCode()).isEqualTo("category-cycle");
        assertThat(api.get(CATEGORIES + "/" + a).token(admin).send().json().path("parentId").isNull()).isTrue();
    }

    @Test
    void categoriesNestAtMostFiveLevels() {
        String parent = null;
        for (int level = 1; level <= 5; level++) {
            parent = category(parent, "Nivel " + level, "NV" + level);
        }
        Response sixth = api.post(CATEGORIES, Map.of("parentId", parent, "name", "Nivel 6", "skuPrefix", "NV6"))
            .token(admin).send();
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.problemCode()).isEqualTo("category-too-deep");
        // moving a two-level branch under level 4 would make six levels
        String branch = category(null, "Rama", "RAMA");
        category(branch, "Hoja", "HOJA");
        String fourth = api.get(CATEGORIES).token(admin).send().json().valueStream()
            .filter(c -> c.path("depth").asInt() == 4).findFirst().orElseThrow().path("id").asString();
        assertThat(move(branch, fourth, "Rama", "RAMA").problemCode()).isEqualTo("category-too-deep");
    }

    @Test
    void onlyAnEmptyCategoryCanBeDeleted() {
        String parent = category(null, "Fosas", "FOS");
        String child = category(parent, "Urbanas", "URB");
        Response notEmpty = api.delete(CATEGORIES + "/" + parent).token(admin).send();
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.problemCode()).isEqualTo("category-not-empty");
        assertThat(api.post("/api/v1/catalog/items", Map.of("categoryId", child, "kind", "SERVICE", "name", "Succión",
                "unit", "SERVICE", "price", 1500, "currency", "GTQ", "vatRate", 12)).token(admin).send().status()).isEqualTo(201);
        assertThat(api.delete(CATEGORIES + "/" + child).token(admin).send().problemCode()).isEqualTo("category-not-empty");
        String empty = category(null, "Vacía", "VAC");
        assertThat(api.delete(CATEGORIES + "/" + empty).token(admin).send().status()).isEqualTo(204);
        assertThat(api.get(CATEGORIES + "/" + empty).token(admin).send().status()).isEqualTo(404);
    }

    @Test
    void prefixesAreUniquePerTenantAndValidated() {
        category(null, "Sanitarios", "SAN");
        Response taken = api.post(CATEGORIES, Map.of("name", "Sanidad", "skuPrefix", "san")).token(admin).send();
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemCode()).isEqualTo("sku-prefix-taken");
        Response bad = api.post(CATEGORIES, Map.of("name", " ", "skuPrefix", "S-1")).token(admin).language("en").send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("title").asString()).isEqualTo("Invalid data");
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
            .containsExactlyInAnyOrder("name", "skuPrefix");
        Response unknownParent = api.post(CATEGORIES, Map.of("name", "X", "skuPrefix", "XX",
                "parentId", "0190c1b0-0000-7000-8000-000000000000")).token(admin).send();
        assertThat(unknownParent.problemCode()).isEqualTo("unknown-category");
        assertThat(api.get(CATEGORIES).token(admin).send().json().size()).isEqualTo(1);
        // another tenant may use the same prefix
        String other = api.login(tenants.create().adminEmail(), com.ambiosys.support.TestTenants.PASSWORD);
        assertThat(api.post(CATEGORIES, Map.of("name", "Sanitarios", "skuPrefix", "SAN")).token(other).send().status())
            .isEqualTo(201);
    }
}
