package com.ambiosys.customers;

import java.util.regex.Pattern;

/**
 * Phones in E.164. A local number of 8 digits gets the country's prefix (+502 Guatemala, +503 El
 * Salvador); spaces, dashes, dots and parentheses are dropped. (libphonenumber will replace this when
 * numbers from other countries matter.)
 */
final class Phones {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    private Phones() {
    }

    /** The E.164 form, or null when the input cannot be one. */
    static String normalize(String input, String country) {
        if (input == null) {
            return null;
        }
        String cleaned = input.replaceAll("[\\s().-]", "");
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        }
        if (!cleaned.startsWith("+")) {
            String digits = cleaned.replaceAll("[^0-9]", "");
            if (digits.length() == 8) {
                cleaned = ("SV".equals(country) ? "+503" : "+502") + digits;
            }
            else if (digits.length() == 11 && (digits.startsWith("502") || digits.startsWith("503"))) {
                cleaned = "+" + digits;
            }
        }
        return E164.matcher(cleaned).matches() ? cleaned : null;
    }

    static String digits(String input) {
        return input == null ? "" : input.replaceAll("[^0-9]", "");
    }
}
