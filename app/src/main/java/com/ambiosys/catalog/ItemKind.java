package com.ambiosys.catalog;

/** What a catalog item is: something handed over or work done. The names are the API's and the table's words. */
public enum ItemKind {
    PRODUCT, SERVICE
}
