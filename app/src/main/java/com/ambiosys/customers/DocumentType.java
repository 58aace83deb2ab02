package com.ambiosys.customers;

/** The kinds of documents kept for a customer: identity and tax ids of Guatemala and El Salvador, and papers. */
public enum DocumentType {
    DPI, DUI, NIT, RTU, NRC, CONTRACT, PERMIT, OTHER
}
