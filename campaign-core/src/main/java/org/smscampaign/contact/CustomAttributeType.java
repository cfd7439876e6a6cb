package org.smscampaign.contact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** The type of a custom attribute; values are checked against it when written. */
public enum CustomAttributeType {

    TEXT, NUMBER, DATE, BOOLEAN;

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "ja", "oui", "si");

    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "nein", "non");

    /**
     * The stored value of a raw text: a String, a BigDecimal, an ISO date string or a
     * Boolean.
     * @throws IllegalArgumentException with the reason when the text is not of this type
     */
    Object parse(String raw, DateOrder dateOrder) {
        String value = raw.strip();
        return switch (this) {
            case TEXT -> {
                if (value.length() > 500) {
                    throw new IllegalArgumentException("too long (at most 500 characters)");
                }
                yield value;
            }
            case NUMBER -> {
                try {
                    BigDecimal number = new BigDecimal(value);
                    if (number.precision() > 30) {
                        throw new IllegalArgumentException("number too large");
                    }
                    yield number;
                }
                catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("not a number");
                }
            }
            case DATE -> {
                LocalDate date = Dates.parse(value, dateOrder);
                if (date == null) {
                    throw new IllegalArgumentException("bad date");
                }
                yield date.toString();
            }
            case BOOLEAN -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (TRUE.contains(lower)) {
                    yield Boolean.TRUE;
                }
                if (FALSE.contains(lower)) {
                    yield Boolean.FALSE;
                }
                throw new IllegalArgumentException("not yes/no (true/false)");
            }
        };
    }

}
