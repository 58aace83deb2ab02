package com.ambiosys.customers.web;

/**
 * The files the customer list is exported as. The constants are the file extensions as they are written
 * ({@code ?format=csv}), so that the exact-name rule of query parameters reads them.
 */
enum ExportFormat {
    csv("text/csv;charset=UTF-8"), xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }
}
