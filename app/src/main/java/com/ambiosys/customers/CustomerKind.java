package com.ambiosys.customers;

/** Whether a customer is a company or a person. The names are the API's and the table's words. */
public enum CustomerKind {
    COMPANY, PERSON
}
