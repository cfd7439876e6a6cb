package org.smscampaign.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Parses and validates phone numbers with libphonenumber: {@code "0171 1234567"} in
 * region DE becomes {@code +491711234567}. Derives the number's time zone (by country,
 * and by area code in North America); where a number could be in several zones, the
 * eastern-most is taken, the safe side for quiet hours.
 */
@Component
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final PhoneNumberToTimeZonesMapper TIME_ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    /**
     * Where several zones of a country share the largest offset (Great Britain and its
     * crown dependencies), the one most of the country's people live in.
     */
    private static final Map<String, String> PRINCIPAL_ZONES = Map.of("GB", "Europe/London", "NO", "Europe/Oslo", "FI",
            "Europe/Helsinki", "IT", "Europe/Rome", "FR", "Europe/Paris", "NL", "Europe/Amsterdam", "DK",
            "Europe/Copenhagen", "AU", "Australia/Sydney");

    private final Map<List<String>, String> easternMost = new ConcurrentHashMap<>();

    /**
     * Parses a number as written by people or exports. Returns a {@link Result} that
     * holds either the number or why it was refused; never throws for bad input.
     */
    public Result parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Result.refused("missing phone number");
        }
        if (raw.length() > 40) {
            return Result.refused("too long for a phone number");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, defaultRegion.toUpperCase(Locale.ROOT));
        }
        catch (NumberParseException ex) {
            return Result.refused("not a phone number");
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            return Result.refused("invalid phone number");
        }
        String region = UTIL.getRegionCodeForNumber(number);
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        return Result.valid(new ParsedPhoneNumber(e164, type.name(), region, timeZone(number, region)));
    }

    private String timeZone(PhoneNumber number, String region) {
        List<String> zones = TIME_ZONES.getTimeZonesForNumber(number);
        if (zones.size() == 1 && !zones.get(0).equals(UNKNOWN_ZONE)) {
            return zones.get(0);
        }
        List<String> key = new java.util.ArrayList<>(zones);
        key.add(region);
        return this.easternMost.computeIfAbsent(key, (ignored) -> easternMostOf(zones, region));
    }

    private static String easternMostOf(List<String> zones, String region) {
        Instant now = Instant.now();
        Comparator<String> byOffset = Comparator
            .comparing((String zone) -> ZoneId.of(zone).getRules().getStandardOffset(now));
        List<String> known = zones.stream().filter((zone) -> !zone.equals(UNKNOWN_ZONE)).toList();
        if (known.isEmpty()) {
            return "UTC";
        }
        String eastern = known.stream().max(byOffset).orElseThrow();
        String principal = PRINCIPAL_ZONES.get(region);
        boolean principalIsAsFarEast = principal != null && known.contains(principal)
                && byOffset.compare(principal, eastern) == 0;
        return principalIsAsFarEast ? principal : eastern;
    }

    /** A parsed number, or the reason it was refused. */
    public record Result(ParsedPhoneNumber number, String problem) {

        static Result valid(ParsedPhoneNumber number) {
            return new Result(number, null);
        }

        static Result refused(String problem) {
            return new Result(null, problem);
        }

        public boolean isValid() {
            return this.number != null;
        }

    }

}
