package com.ambiosys.catalog;

/** The unit an item is priced in. The names are the API's and the table's words. */
public enum Unit {
    UNIT, HOUR, DAY, WEEK, MONTH, M3, LITER, KG, TRIP, SERVICE, BOX
}
