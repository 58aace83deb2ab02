package com.ambiosys.customers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phones in E.164, checked with Google's libphonenumber against each country's numbering plan. A
 * number typed without a country code is read as one of the customer's country ("5555-1234" for a
 * Guatemalan customer is +50255551234); "00" works as "+". Numbers of any country are accepted when
 * typed with their code.
 */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /** The E.164 form, or null when the input is not a valid number. */
    static String normalize(String input, String country) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String cleaned = input.trim();
        if (cleaned.startsWith("00")) {
            cleaned = "+" + cleaned.substring(2);
        }
        else if (!cleaned.startsWith("+")) {
            String digits = digits(cleaned);
            // "502 5555 1234" typed without the plus
            if (digits.length() == 11 && (digits.startsWith("502") || digits.startsWith("503"))) {
                cleaned = "+" + digits;
            }
        }
        try {
            PhoneNumber number = UTIL.parse(cleaned, country == null ? "GT" : country);
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException ex) {
            return null;
        }
    }

    static String digits(String input) {
        return input == null ? "" : input.replaceAll("[^0-9]", "");
    }
}
