package com.ambiosys.servicerequests.web;

/**
 * The files the request list is exported as ({@code ?format=csv}): the constants are the file extensions as they are
 * written, so that the exact-name rule of query parameters reads them (as customers' own export does). Named apart
 * from customers' ExportFormat so that the API's schema names stay unique.
 */
enum RequestExportFormat {
    csv("text/csv;charset=UTF-8"), xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String contentType;

    RequestExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }
}
