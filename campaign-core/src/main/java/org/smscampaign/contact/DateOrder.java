package org.smscampaign.contact;

/**
 * How to read dates written with slashes: 03/04/1985 is 3 April (DMY) or 4 March (MDY).
 */
public enum DateOrder {

    DAY_MONTH_YEAR, MONTH_DAY_YEAR;

    /** The usual order in a region: month first in the US, day first elsewhere. */
    public static DateOrder usualIn(String region) {
        return "US".equalsIgnoreCase(region) ? MONTH_DAY_YEAR : DAY_MONTH_YEAR;
    }

}
