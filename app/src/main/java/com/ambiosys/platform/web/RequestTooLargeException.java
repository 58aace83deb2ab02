package com.ambiosys.platform.web;

import java.io.IOException;

/** A request body was read past its limit; answered as 413 wherever it surfaces, wrapped or not. */
public final class RequestTooLargeException extends IOException {

    private final long maxBytes;

    RequestTooLargeException(long maxBytes) {
        super("Request body over " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The limit, if the exception or one of its causes is this one; -1 otherwise. */
    static long limitIn(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException tooLarge) {
                return tooLarge.maxBytes;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return -1;
    }

    static boolean causedBy(Throwable ex) {
        return limitIn(ex) >= 0;
    }
}
