package org.smscampaign.contact;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads dates as exports write them: ISO {@code 1985-03-04} (with or without a time),
 * German {@code 04.03.1985}, and slashed dates in the given order.
 */
final class Dates {

    private Dates() {
    }

    /** The date, or null when the text is not a date. */
    static LocalDate parse(String text, DateOrder order) {
        String value = text.strip();
        int space = value.indexOf(' ');
        if (space > 0) {
            value = value.substring(0, space);
        }
        int t = value.indexOf('T');
        if (t > 0) {
            value = value.substring(0, t);
        }
        String[] parts;
        try {
            if (value.indexOf('-') > 0) {
                parts = value.split("-", -1);
                return (parts.length == 3 && parts[0].length() == 4) ? of(parts[0], parts[1], parts[2]) : null;
            }
            if (value.indexOf('.') > 0) {
                parts = value.split("\\.", -1);
                return (parts.length == 3 && parts[2].length() == 4) ? of(parts[2], parts[1], parts[0]) : null;
            }
            if (value.indexOf('/') > 0) {
                parts = value.split("/", -1);
                if (parts.length != 3 || parts[2].length() != 4) {
                    return null;
                }
                return (order == DateOrder.MONTH_DAY_YEAR) ? of(parts[2], parts[0], parts[1])
                        : of(parts[2], parts[1], parts[0]);
            }
        }
        catch (NumberFormatException | DateTimeException ex) {
            return null;
        }
        return null;
    }

    private static LocalDate of(String year, String month, String day) {
        if (month.length() > 2 || day.length() > 2) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

}
