package com.ambiosys.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the catalog API shows and accepts. */
public final class CatalogViews {

    /** Categories nest at most this deep (a root is at depth 1). */
    public static final int MAX_DEPTH = 5;

    private CatalogViews() {
    }

    /**
     * A category with where it sits in the tree.
     * @param depth 1 for a root
     * @param path the names from the root down to this category, joined by " / "
     */
    public record Category(UUID id, UUID parentId, String name, String skuPrefix, String description, boolean active,
            int depth, String path, long childCount, long itemCount, Instant createdAt, Instant updatedAt) {
    }

    public record NewCategory(UUID parentId, String name, String skuPrefix, String description, boolean active) {
    }

    public record ItemDetails(UUID id, UUID categoryId, String categoryName, ItemKind kind, String sku, String name,
            String description, Unit unit, BigDecimal price, Currency currency, BigDecimal vatRate, boolean active,
            Instant createdAt, Instant updatedAt, long version) {
    }

    public record NewItem(UUID categoryId, ItemKind kind, String name, String description, Unit unit, BigDecimal price,
            Currency currency, BigDecimal vatRate) {
    }

    /** What an edit may change; the price changes only through {@link PriceChange}, the SKU never. */
    public record ItemChanges(UUID categoryId, ItemKind kind, String name, String description, Unit unit,
            BigDecimal vatRate, Long version) {
    }

    public record PriceChange(BigDecimal price, Currency currency, String reason, Long version) {
    }

    /** One price an item had: the first entry (its creation) has no old price. */
    public record PriceHistoryEntry(UUID id, BigDecimal oldPrice, Currency oldCurrency, BigDecimal newPrice,
            Currency newCurrency, UUID changedBy, String changedByName, Instant changedAt, String reason) {
    }

    /** @param categoryId the category and every category under it */
    public record ItemFilter(String q, UUID categoryId, ItemKind kind, Boolean active, Currency currency, String sort) {
    }

    /** An item as other modules use it (for example as a line of a service request or a quotation). */
    public record CatalogItem(UUID id, String sku, String name, Unit unit, BigDecimal price, Currency currency,
            BigDecimal vatRate, boolean active) {
    }
}
