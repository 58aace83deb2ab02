package com.ambiosys.platform.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from what we log or store about a request: the values of sensitive query parameters
 * and fields ({@code token}, {@code access_token}, {@code refresh_token}, {@code authorization},
 * {@code password} and their spellings).
 */
public final class Redaction {

    public static final String MASK = "[REDACTED]";

    private static final Set<String> SENSITIVE = Set.of("token", "accesstoken", "refreshtoken", "authorization",
            "password", "newpassword", "currentpassword", "passwordhash", "secret", "apptoken", "apisecret");

    private static final Pattern QUERY_PAIR = Pattern.compile("([^&=]+)=([^&]*)");

    private Redaction() {
    }

    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String normalized = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SENSITIVE.contains(normalized);
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
