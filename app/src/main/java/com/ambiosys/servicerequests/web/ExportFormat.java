package com.ambiosys.servicerequests.web;

/**
 * The files the request list is exported as ({@code ?format=csv}): the constants are the file extensions as they are
 * written, so that the exact-name rule of query parameters reads them (as customers' own export does).
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
