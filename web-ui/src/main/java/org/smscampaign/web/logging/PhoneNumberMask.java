package org.smscampaign.web.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers in free text, so that no full number reaches a log:
 * {@code +491711234567} becomes {@code +491********67}. Matches E.164-looking numbers
 * with optional spaces, dots, dashes or brackets, with or without a {@code whatsapp:}
 * prefix.
 */
public final class PhoneNumberMask {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+\\d[\\d ().-]{5,20}\\d");

    private static final int KEPT_LEADING_DIGITS = 3;

    private static final int KEPT_TRAILING_DIGITS = 2;

    private PhoneNumberMask() {
    }

    public static String mask(String text) {
        if (text == null || text.indexOf('+') < 0) {
            return text;
        }
        Matcher matcher = PHONE_NUMBER.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(maskNumber(matcher.group())));
        }
        while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }

    private static String maskNumber(String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return number;
        }
        int hidden = digits.length() - KEPT_LEADING_DIGITS - KEPT_TRAILING_DIGITS;
        return "+" + digits.substring(0, KEPT_LEADING_DIGITS) + "*".repeat(hidden)
                + digits.substring(digits.length() - KEPT_TRAILING_DIGITS);
    }

}
