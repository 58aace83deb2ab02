package com.ambiosys.platform.web;

import org.springframework.http.HttpStatus;

/** A field or parameter holds control characters: a 400 validation problem that names it. */
class InvalidTextException extends ApiException {

    private final String field;

    InvalidTextException(String field) {
        super(HttpStatus.BAD_REQUEST, "validation");
        this.field = field;
    }

    String field() {
        return field;
    }
}
