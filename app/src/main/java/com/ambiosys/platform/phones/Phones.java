package com.ambiosys.platform.phones;

import com.ambiosys.platform.errors.InvalidInputException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The one rule for every phone the API takes (a customer's contact, a user's profile): typed in the national
 * form of a default country ("5555-1234", read as Guatemalan when the country is GT) or in E.164 with its code
 * ("+502 5555 1234", "00502..." or "502 5555 1234"), with any spaces, dashes, dots or brackets; checked with
 * Google's libphonenumber against the country's numbering plan; stored in E.164. The web app applies the same
 * rule ({@code web/src/format/identifiers.ts}) so that what one form accepts no other refuses.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * A phone a person typed, in E.164; null when nothing was typed; an {@code invalid-phone} input error when it is
     * not a valid number of {@code country} (the default) or of the code it carries.
     */
    public static String require(String typed, String country) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String phone = normalize(typed, country);
        if (phone == null) {
            throw new InvalidInputException("invalid-phone", typed);
        }
        return phone;
    }

    /** The E.164 form, or null when the input is not a valid number; {@code country} is the default (GT if null). */
    public static String normalize(String input, String country) {
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

    /** An E.164 number as people write it, {@code +502 5012 3456}; anything else as it is. */
    public static String display(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return e164;
        }
        try {
            return UTIL.format(UTIL.parse(e164, "GT"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException ex) {
            return e164;
        }
    }

    public static String digits(String input) {
        return input == null ? "" : input.replaceAll("[^0-9]", "");
    }
}
