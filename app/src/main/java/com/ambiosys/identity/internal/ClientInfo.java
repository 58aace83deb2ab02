package com.ambiosys.identity.internal;

/** Where a request came from, for the access log. */
public record ClientInfo(String ip, String userAgent) {

    public ClientInfo {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 400));
    }
}
