package org.smscampaign.messaging.pricing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The country an E.164 number belongs to, as carriers price it (libphonenumber). A launch
 * asks for a million numbers: the answer is kept per number without its last four digits,
 * which never decide the country (a shared calling code such as +1 or +44 is told apart
 * by the leading digits of the national number).
 */
public final class DestinationCountries {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private static final int TAIL = 4;

    private static final String UNKNOWN = "";

    private final Cache<String, String> byPrefix = Caffeine.newBuilder().maximumSize(200_000).build();

    /**
     * The country (ISO 3166 alpha-2) of a number in E.164, or null when none is known.
     */
    public String of(String number) {
        if (number == null || number.length() < 4) {
            return null;
        }
        String digits = number.startsWith("whatsapp:") ? number.substring("whatsapp:".length()) : number;
        String prefix = digits.substring(0, Math.max(4, digits.length() - TAIL));
        String country = this.byPrefix.get(prefix, (key) -> lookUp(digits));
        return country.isEmpty() ? null : country;
    }

    private static String lookUp(String number) {
        try {
            String region = NUMBERS.getRegionCodeForNumber(NUMBERS.parse(number, "ZZ"));
            return (region == null || region.equals("ZZ") || region.equals("001")) ? UNKNOWN : region;
        }
        catch (NumberParseException ex) {
            return UNKNOWN;
        }
    }

}
