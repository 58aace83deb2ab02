package com.ambiosys.servicerequests;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.ambiosys.catalog.Currency;
import com.ambiosys.platform.errors.InvalidInputException;
import com.ambiosys.servicerequests.ServiceRequestViews.NewItem;

/**
 * Completes the line items of a request from the catalog: an item with {@code catalogItemId} takes its
 * SKU, name, unit, price, currency and VAT rate from the (active) catalog item unless the line gives its
 * own description or price; an item typed in must carry all of them.
 */
@Component
class LineItemPricing {

    private final com.ambiosys.catalog.CatalogManagement catalog;

    LineItemPricing(com.ambiosys.catalog.CatalogManagement catalog) {
        this.catalog = catalog;
    }

    /** A line ready to store: what the catalog said, completed or overridden by what was typed. */
    record PricedItem(java.util.UUID catalogItemId, String sku, String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, Currency currency, BigDecimal vatRate) {
    }

    List<PricedItem> resolve(List<NewItem> items) {
        if (items == null) {
            return List.of();
        }
        if (items.size() > 100) {
            throw new InvalidInputException("too-many-items", 100);
        }
        List<PricedItem> resolved = new ArrayList<>();
        for (NewItem item : items) {
            if (item.catalogItemId() != null) {
                var found = catalog.findItem(item.catalogItemId()).filter(c -> c.active())
                    .orElseThrow(() -> new InvalidInputException("unknown-catalog-item", item.catalogItemId()));
                resolved.add(new PricedItem(found.id(), found.sku(),
                        item.description() == null || item.description().isBlank() ? found.name() : item.description().trim(),
                        item.quantity(), found.unit().name(), item.unitPrice() == null ? found.price() : item.unitPrice(),
                        found.currency(), found.vatRate()));
                continue;
            }
            if (item.description() == null || item.description().isBlank() || item.quantity() == null
                    || item.unitPrice() == null || item.currency() == null || item.unit() == null) {
                throw new InvalidInputException("incomplete-item");
            }
            resolved.add(new PricedItem(null, null, item.description().trim(), item.quantity(), item.unit(),
                    item.unitPrice(), item.currency(), item.vatRate() == null ? BigDecimal.ZERO : item.vatRate()));
        }
        return resolved;
    }
}
