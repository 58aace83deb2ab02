package com.ambiosys.customers;

/** What a customer's address is for. The names are the API's and the table's words. */
public enum AddressKind {
    FISCAL, BILLING, SERVICE_SITE, SHIPPING
}
