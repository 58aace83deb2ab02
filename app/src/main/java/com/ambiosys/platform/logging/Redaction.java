package com.ambiosys.platform.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from what we log or store about a request: the values of sensitive query parameters
 * and fields ({@code token}, {@code access_token}, {@code refresh_token}, {@code authorization},
 * {@code password}, {@code appSecret}, {@code hub.verify_token} and their spellings), and of what is derived
 * from a secret ({@code accessTokenHint}, {@code verifyTokenHash}): even the last four characters of a
 * token narrow the search for it, and an audit snapshot is kept for years.
 */
public final class Redaction {

    public static final String MASK = "[REDACTED]";

    private static final Set<String> SENSITIVE = Set.of("token", "accesstoken", "refreshtoken", "authorization",
            "password", "newpassword", "currentpassword", "passwordhash", "secret", "apptoken", "apisecret");

    /** A field named like this (after its last dot) holds a secret, or something made from one. */
    private static final java.util.List<String> SENSITIVE_ENDINGS = java.util.List.of("token", "secret", "password",
            "tokenhint", "secrethint", "tokenhash", "secrethash", "apikey", "secretkey", "privatekey", "accesskey");

    private static final Pattern QUERY_PAIR = Pattern.compile("([^&=]+)=([^&]*)");

    private Redaction() {
    }

    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String normalized = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        normalized = normalized.substring(normalized.lastIndexOf('.') + 1); // hub.verify_token
        if (SENSITIVE.contains(normalized)) {
            return true;
        }
        for (String ending : SENSITIVE_ENDINGS) {
            if (normalized.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** The query string with the values of sensitive parameters replaced by {@value #MASK}. */
    public static String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        Matcher m = QUERY_PAIR.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String decoded = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
            m.appendReplacement(out, Matcher.quoteReplacement(isSensitive(decoded) ? name + "=" + MASK : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
