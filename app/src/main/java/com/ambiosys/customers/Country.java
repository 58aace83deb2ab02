package com.ambiosys.customers;

/**
 * The countries a customer can be in: those whose tax ids and phone numbers the customers module checks.
 * Geo's countries are catalog rows; this closed set is the customers' rule. The names are ISO 3166 codes,
 * the API's and the table's words.
 */
public enum Country {
    GT, SV
}
