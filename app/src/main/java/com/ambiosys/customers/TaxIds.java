package com.ambiosys.customers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tax ids by the country's rules. Guatemala's NIT: digits with a modulo-11 check digit that may be K
 * ("CF", consumidor final, is allowed). El Salvador's NIT: 14 digits (0000-000000-000-0) or, since
 * 2021, the DUI (8 digits and a check digit) used as NIT.
 */
final class TaxIds {

    private static final Pattern GT_NIT = Pattern.compile("^[0-9]{1,12}[0-9K]$");
    private static final Pattern SV_NIT = Pattern.compile("^[0-9]{14}$");
    private static final Pattern SV_DUI = Pattern.compile("^[0-9]{9}$");

    private static final Pattern SV_NRC = Pattern.compile("^([0-9]{1,7})-?([0-9])$");

    private TaxIds() {
    }

    /**
     * El Salvador's NRC (número de registro de contribuyente, the IVA registration): up to seven digits, a
     * dash and a verification digit, written "123456-7". The Ministry of Finance publishes no public
     * check-digit rule, so only the form is checked. Returns the "digits-check" form, or null when the
     * input is not an NRC.
     */
    public static String normalizeNrc(String nrc) {
        if (nrc == null) {
            return null;
        }
        var m = SV_NRC.matcher(nrc.replaceAll("\\s", ""));
        return m.matches() ? Integer.parseInt(m.group(1)) + "-" + m.group(2) : null;
    }

    /** The tax id without separators and in capitals: "1234567-K" → "1234567K". */
    public static String normalize(String taxId) {
        return taxId == null ? null : taxId.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String country, String taxId) {
        String id = normalize(taxId);
        if (id == null || id.isEmpty()) {
            return false;
        }
        return switch (country) {
            case "GT" -> "CF".equals(id) || (GT_NIT.matcher(id).matches() && guatemalanCheckDigitMatches(id));
            case "SV" -> (SV_NIT.matcher(id).matches() && salvadoranNitCheckDigitMatches(id))
                    || (SV_DUI.matcher(id).matches() && duiCheckDigitMatches(id));
            default -> false;
        };
    }

    /** NIT (GT): weights n..2 from the left over the body; check = (11 - sum mod 11) mod 11, 10 written K. */
    static boolean guatemalanCheckDigitMatches(String nit) {
        String body = nit.substring(0, nit.length() - 1);
        char check = nit.charAt(nit.length() - 1);
        int sum = 0;
        int weight = body.length() + 1;
        for (char c : body.toCharArray()) {
            sum += (c - '0') * weight--;
        }
        int expected = (11 - (sum % 11)) % 11;
        return expected == 10 ? check == 'K' : check == (char) ('0' + expected);
    }

    /** DUI (SV): weights 9..2 over the first 8 digits; check = (10 - sum mod 10) mod 10. */
    static boolean duiCheckDigitMatches(String dui) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (dui.charAt(i) - '0') * (9 - i);
        }
        return (10 - (sum % 10)) % 10 == dui.charAt(8) - '0';
    }

    /**
     * NIT (SV), 14 digits (municipality, date, serial, check). Serials up to 100 (old series): weights
     * 14..2, check = (sum mod 11) mod 10. Newer serials: weights 2,7,6,5,4,3,2,7,6,5,4,3,2, check =
     * (-sum mod 11) mod 10. Nationals' NITs start with 0 or 1, foreigners' with 9.
     */
    static boolean salvadoranNitCheckDigitMatches(String nit) {
        char first = nit.charAt(0);
        if (first != '0' && first != '1' && first != '9') {
            return false;
        }
        boolean oldSeries = nit.substring(10, 13).compareTo("100") <= 0;
        int[] weights = oldSeries ? new int[] { 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2 }
                : new int[] { 2, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (nit.charAt(i) - '0') * weights[i];
        }
        int expected = oldSeries ? (sum % 11) % 10 : (Math.floorMod(-sum, 11)) % 10;
        return expected == nit.charAt(13) - '0';
    }
}
