package com.ambiosys.identity.internal;

/**
 * What a successful login or refresh issues. Expiries in seconds. The web layer answers the access token
 * and hands the refresh token over in an HttpOnly cookie, never in the JSON body.
 */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {
}
