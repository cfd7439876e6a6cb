package org.smscampaign.contact;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country columns as people fill them ("DE", "deu", "Germany", "Deutschland",
 * "Allemagne") read into ISO 3166-1 alpha-2 codes. The names come from the JDK's locale
 * data (CLDR) in every language it has, so no hand-kept list goes stale.
 */
final class Countries {

    private static final Map<String, String> CODES = codes();

    private Countries() {
    }

    /**
     * The ISO code of a country code or name, in any case and with or without accents.
     */
    static Optional<String> code(String raw) {
        return (raw == null || raw.isBlank()) ? Optional.empty() : Optional.ofNullable(CODES.get(key(raw)));
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        // One locale per language: regional variants name countries the same way.
        java.util.Set<Locale> languages = new java.util.LinkedHashSet<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            languages.add(new Locale(locale.getLanguage()));
        }
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            for (Locale language : languages) {
                codes.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
            codes.putIfAbsent(key(country.getISO3Country()), code);
        }
        // Codes win over names that happen to spell the same letters.
        for (String code : Locale.getISOCountries()) {
            codes.put(key(code), code);
        }
        codes.remove("");
        return Map.copyOf(codes);
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

}
