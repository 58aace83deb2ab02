package com.ambiosys.tenants;

/** What it takes to open a tenant. */
public record NewTenant(String slug, String name, String country, String timeZone, String defaultLanguage) {
}
