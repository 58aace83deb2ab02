/**
 * Customers (CRM): the companies and people a tenant serves, their contacts, and search that
 * forgives accents, case and however a phone was typed. Sales reps see their own customers unless
 * granted {@code customers:view_all}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
        allowedDependencies = { "platform", "audit", "files", "geo", "identity", "tenants" })
package com.ambiosys.customers;
