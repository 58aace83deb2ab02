package com.ambiosys.catalog;

/** The currencies prices are kept in (Guatemala's quetzal, the dollar of El Salvador). ISO 4217 codes. */
public enum Currency {
    GTQ, USD
}
