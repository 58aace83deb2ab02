package com.ambiosys.customers;

/** What a customer's contact is the person to talk to for. At most one contact is PRIMARY. The API's and the table's words. */
public enum ContactRole {
    PRIMARY, BILLING, PURCHASING, SITE, OTHER
}
