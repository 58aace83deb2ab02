package com.ambiosys.identity;

/** What a successful login or refresh answers. Expiries in seconds. */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn) {
}
