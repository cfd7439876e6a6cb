package org.smscampaign.contact;

/** Phone line types that decide whether a number can be texted. */
public final class PhoneLine {

    /**
     * libphonenumber's type of a number that can only be a landline (not
     * FIXED_LINE_OR_MOBILE): imported and kept, never texted.
     */
    public static final String LANDLINE = "FIXED_LINE";

    private PhoneLine() {
    }

}
