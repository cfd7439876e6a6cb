package org.smscampaign.contact;

/**
 * A valid phone number.
 *
 * @param e164 the number in E.164, e.g. {@code +491711234567}
 * @param type libphonenumber's type: MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, ...
 * @param country ISO 3166-1 alpha-2 region of the number
 * @param timeZone the number's time zone (the eastern-most one where the number alone
 * cannot tell)
 */
public record ParsedPhoneNumber(String e164, String type, String country, String timeZone) {

    /**
     * Whether texts to this number can be expected to arrive (mobile or possibly mobile).
     */
    public boolean textable() {
        return this.type.equals("MOBILE") || this.type.equals("FIXED_LINE_OR_MOBILE");
    }

}
