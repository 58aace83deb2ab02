package com.ambiosys.identity.internal;

/**
 * The languages a user reads the application in. The constants are the ISO 639-1 codes as they are written
 * ({@code "es"}), the API's and the table's words, as {@link java.util.Locale#forLanguageTag} takes them.
 */
public enum Language {
    es, en
}
