package com.ambiosys.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.catalog.CatalogCategories;
import com.ambiosys.catalog.CatalogViews;
import com.ambiosys.platform.security.RequiresPermission;

/** The tree of catalog categories: read whole (a tenant has tens), changed one category at a time. */
@RestController
@RequestMapping("/api/v1/catalog/categories")
class CategoryController {

    /** {@code skuPrefix} is taken in any case and stored in capitals. */
    record CategoryRequest(UUID parentId, @NotBlank @Size(max = 120) String name,
            @NotNull @Pattern(regexp = "[A-Za-z0-9]{2,6}") String skuPrefix, @Size(max = 1000) String description,
            Boolean active) {

        CatalogViews.NewCategory command() {
            return new CatalogViews.NewCategory(parentId, name, skuPrefix, description, !Boolean.FALSE.equals(active));
        }
    }

    private final CatalogCategories categories;

    CategoryController(CatalogCategories categories) {
        this.categories = categories;
    }

    @GetMapping
    @RequiresPermission("catalog:view")
    List<CatalogViews.Category> tree() {
        return categories.tree();
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog:view")
    CatalogViews.Category get(@PathVariable UUID id) {
        return categories.get(id);
    }

    @PostMapping
    @RequiresPermission("catalog:create")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CatalogViews.Category> create(@Valid @RequestBody CategoryRequest body) {
        CatalogViews.Category created = categories.create(body.command());
        return ResponseEntity.created(URI.create("/api/v1/catalog/categories/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog:edit")
    CatalogViews.Category update(@PathVariable UUID id, @Valid @RequestBody CategoryRequest body) {
        return categories.update(id, body.command());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog:delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }
}
