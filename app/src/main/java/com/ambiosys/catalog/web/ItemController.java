package com.ambiosys.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.catalog.CatalogManagement;
import com.ambiosys.catalog.CatalogViews;
import com.ambiosys.catalog.Currency;
import com.ambiosys.catalog.ItemKind;
import com.ambiosys.catalog.Unit;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** Products and services: list, create, edit, price changes with their history, (de)activation. */
@RestController
@RequestMapping("/api/v1/catalog/items")
class ItemController {

    /** {@code ?q=&categoryId=&kind=&active=&currency=&sort=}: the filters of the list. */
    record ItemListFilter(@Size(max = 100) String q, UUID categoryId, ItemKind kind,
            Boolean active, Currency currency, @Size(max = 20) String sort) {

        CatalogViews.ItemFilter criteria() {
            return new CatalogViews.ItemFilter(q, categoryId, kind, active, currency, sort);
        }
    }

    record ItemCreateRequest(@NotNull UUID categoryId, @NotNull ItemKind kind,
            @NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @NotNull Unit unit,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal price,
            @NotNull Currency currency,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal vatRate) {
    }

    record ItemUpdateRequest(@NotNull UUID categoryId, @NotNull ItemKind kind,
            @NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @NotNull Unit unit,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal vatRate,
            Long version) {
    }

    record PriceRequest(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal price,
            @NotNull Currency currency, @Size(max = 500) String reason, Long version) {
    }

    private final CatalogManagement catalog;

    ItemController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @RequiresPermission("catalog:view")
    PageResponse<CatalogViews.ItemDetails> search(@Valid ItemListFilter filter, @Valid PageQuery page) {
        return catalog.search(filter.criteria(), page);
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog:view")
    CatalogViews.ItemDetails get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @PostMapping
    @RequiresPermission("catalog:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CatalogViews.ItemDetails> create(@Valid @RequestBody ItemCreateRequest body) {
        CatalogViews.ItemDetails created = catalog.create(new CatalogViews.NewItem(body.categoryId(), body.kind(), body.name(),
                body.description(), body.unit(), body.price(), body.currency(), body.vatRate()));
        return ResponseEntity.created(URI.create("/api/v1/catalog/items/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog:edit")
    CatalogViews.ItemDetails update(@PathVariable UUID id, @Valid @RequestBody ItemUpdateRequest body) {
        return catalog.update(id, new CatalogViews.ItemChanges(body.categoryId(), body.kind(), body.name(),
                body.description(), body.unit(), body.vatRate(), body.version()));
    }

    @PutMapping("/{id}/price")
    @RequiresPermission("catalog:edit")
    CatalogViews.ItemDetails changePrice(@PathVariable UUID id, @Valid @RequestBody PriceRequest body) {
        return catalog.changePrice(id, new CatalogViews.PriceChange(body.price(), body.currency(), body.reason(),
                body.version()));
    }

    @PostMapping("/{id}/deactivate")
    @RequiresPermission("catalog:edit")
    CatalogViews.ItemDetails deactivate(@PathVariable UUID id) {
        return catalog.setActive(id, false);
    }

    @PostMapping("/{id}/activate")
    @RequiresPermission("catalog:edit")
    CatalogViews.ItemDetails activate(@PathVariable UUID id) {
        return catalog.setActive(id, true);
    }

    @GetMapping("/{id}/price-history")
    @RequiresPermission("catalog:view")
    PageResponse<CatalogViews.PriceHistoryEntry> priceHistory(@PathVariable UUID id, @Valid PageQuery page) {
        return catalog.priceHistory(id, page);
    }
}
