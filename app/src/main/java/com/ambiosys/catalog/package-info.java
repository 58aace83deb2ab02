/**
 * Catalog: the products and services a tenant sells, in a tree of categories whose SKU prefixes
 * number the items (never reusing a number), with prices in GTQ or USD, VAT and a price history.
 * Other modules read items through {@link com.ambiosys.catalog.CatalogManagement#findItem}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = { "platform", "audit", "identity" })
package com.ambiosys.catalog;
