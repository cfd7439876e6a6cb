package org.smscampaign.contact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A contact's gender, when known. Parses the usual spellings of CSV exports in several
 * languages.
 */
public enum Gender {

    FEMALE("f", "female", "woman", "w", "weiblich", "frau", "femme", "mujer", "donna"),
    MALE("m", "male", "man", "männlich", "maennlich", "mann", "homme", "hombre", "uomo"),
    DIVERSE("d", "diverse", "divers", "x", "non-binary", "nonbinary", "other", "andere", "autre");

    private static final Map<String, Gender> SPELLINGS = new HashMap<>();

    static {
        for (Gender gender : values()) {
            SPELLINGS.put(gender.name().toLowerCase(Locale.ROOT), gender);
            for (String spelling : gender.spellings) {
                SPELLINGS.put(spelling, gender);
            }
        }
    }

    private final String[] spellings;

    Gender(String... spellings) {
        this.spellings = spellings;
    }

    /**
     * The gender for a spelling such as "F", "female" or "weiblich"; empty if unknown.
     */
    public static Optional<Gender> parse(String value) {
        return Optional.ofNullable(SPELLINGS.get(value.strip().toLowerCase(Locale.ROOT)));
    }

}
