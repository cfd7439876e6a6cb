package org.smscampaign.contact;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.springframework.stereotype.Component;

/**
 * Validates a {@link ContactInput} field by field and puts it in canonical form. The one
 * place that says what a valid contact is, for forms, the API and CSV imports alike.
 */
@Component
public class ContactNormalizer {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8}){0,2}");

    private static final Pattern TAG_SEPARATORS = Pattern.compile("[|,;]");

    private static final Set<String> PHONE_REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    static final int MAX_TAGS = 50;

    // Unambiguous words only: a consent is legal evidence, an "x" in a column is not.
    private static final Set<String> OPT_IN_WORDS = Set.of("yes", "true", "1", "ja", "oui", "si", "sí", "opted in",
            "opt in", "optin", "subscribed", "granted");

    private static final Set<String> NO_WORDS = Set.of("no", "n", "false", "0", "nein", "non", "none", "not given");

    private static final Set<String> OPT_OUT_WORDS = Set.of("opted out", "opt out", "optout", "stop", "unsubscribed",
            "withdrawn", "revoked");

    private final PhoneNumbers phoneNumbers;

    private final ContactProperties properties;

    private final Clock clock;

    ContactNormalizer(PhoneNumbers phoneNumbers, ContactProperties properties, Clock clock) {
        this.phoneNumbers = phoneNumbers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The normalized contact, or every problem found.
     * @param defaultRegion region of numbers without country code, unless the input names
     * its country
     * @param customTypes the types of the custom attributes that may be given
     */
    public Outcome normalize(ContactInput input, String defaultRegion, DateOrder dateOrder,
            Map<String, CustomAttributeType> customTypes) {
        return normalize(input, defaultRegion, dateOrder, customTypes, false);
    }

    /**
     * As an import reads a row: a valid number is enough. An optional field that is not
     * valid is left empty and reported as a warning, so a typo in an e-mail address does
     * not lose a subscriber; a landline is kept (it cannot be texted) with a warning.
     */
    public Outcome normalizeKeepingValidNumber(ContactInput input, String defaultRegion, DateOrder dateOrder,
            Map<String, CustomAttributeType> customTypes) {
        return normalize(input, defaultRegion, dateOrder, customTypes, true);
    }

    private Outcome normalize(ContactInput input, String defaultRegion, DateOrder dateOrder,
            Map<String, CustomAttributeType> customTypes, boolean keepValidNumber) {
        List<FieldProblem> problems = new ArrayList<>(0);
        List<FieldProblem> warnings = new ArrayList<>(0);
        String givenCountry = Countries.code(input.country()).orElse(null);
        // "0176 12345002" in a row whose country is DE is a German number, whatever the
        // default region.
        String numberRegion = (givenCountry != null && PHONE_REGIONS.contains(givenCountry)) ? givenCountry
                : defaultRegion;
        PhoneNumbers.Result phone = this.phoneNumbers.parse(input.phone(), numberRegion);
        if (!phone.isValid()) {
            problems.add(new FieldProblem("phone", input.phone(), phone.problem()));
        }
        else if (phone.number().type().equals("FIXED_LINE")) {
            if (this.properties.rejectLandlines()) {
                problems.add(new FieldProblem("phone", input.phone(), "landline number (cannot receive SMS)"));
            }
            else {
                warnings.add(new FieldProblem("phone", input.phone(),
                        "landline number: imported, but it cannot receive SMS and is left out of campaigns"));
            }
        }
        List<FieldProblem> fieldProblems = keepValidNumber ? warnings : problems;
        String firstName = text("first_name", input.firstName(), 100, fieldProblems);
        String lastName = text("last_name", input.lastName(), 100, fieldProblems);
        String email = email(input.email(), fieldProblems);
        String city = text("city", input.city(), 100, fieldProblems);
        String region = text("region", input.region(), 100, fieldProblems);
        String country = country(input.country(), givenCountry, phone, fieldProblems);
        Gender gender = gender(input.gender(), fieldProblems);
        LocalDate birthDate = birthDate(input.birthDate(), dateOrder, fieldProblems);
        String language = language(input.language(), fieldProblems);
        String timeZone = timeZone(input.timeZone(), phone, fieldProblems);
        List<String> tags = tags(input.tags(), fieldProblems);
        Map<String, Object> attributes = attributes(input.attributes(), customTypes, dateOrder, fieldProblems);
        PreferredChannel preferredChannel = preferredChannel(input.preferredChannel(), fieldProblems);
        WhatsAppOptIn whatsappOptIn = whatsappOptIn(input.whatsappOptIn(), dateOrder, fieldProblems);
        if (!problems.isEmpty()) {
            return new Outcome(null, problems, List.of());
        }
        if (keepValidNumber) {
            warnings.replaceAll(ContactNormalizer::leftEmpty);
        }
        return new Outcome(
                new NormalizedContact(phone.number(), firstName, lastName, email, city, region, country, gender,
                        birthDate, language, timeZone, tags, attributes, preferredChannel, whatsappOptIn),
                List.of(), List.copyOf(warnings));
    }

    private static FieldProblem leftEmpty(FieldProblem problem) {
        return problem.field().equals("phone") ? problem
                : new FieldProblem(problem.field(), problem.value(), problem.reason() + ": left empty");
    }

    public Outcome normalize(ContactInput input, Map<String, CustomAttributeType> customTypes) {
        String region = this.properties.defaultRegion();
        return normalize(input, region, DateOrder.usualIn(region), customTypes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String field, String raw, int maxLength, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(field, raw, "too long (at most " + maxLength + " characters)"));
            return null;
        }
        if (hasControlCharacters(value)) {
            problems.add(new FieldProblem(field, raw, "contains control characters"));
            return null;
        }
        return value;
    }

    static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String email(String raw, List<FieldProblem> problems) {
        String value = text("email", raw, 254, problems);
        if (value != null && !EMAIL.matcher(value).matches()) {
            problems.add(new FieldProblem("email", raw, "not an e-mail address"));
            return null;
        }
        return value;
    }

    private static String country(String raw, String code, PhoneNumbers.Result phone, List<FieldProblem> problems) {
        if (blank(raw)) {
            return phone.isValid() ? phone.number().country() : null;
        }
        if (code == null) {
            problems.add(new FieldProblem("country", raw,
                    "not a country (use a code such as DE or a name such as " + "Germany)"));
        }
        return code;
    }

    private static Gender gender(String raw, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        return Gender.parse(raw).orElseGet(() -> {
            problems.add(new FieldProblem("gender", raw, "unknown gender value (use female, male or diverse)"));
            return null;
        });
    }

    private LocalDate birthDate(String raw, DateOrder order, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        LocalDate date = Dates.parse(raw, order);
        if (date == null) {
            problems.add(new FieldProblem("birth_date", raw, "bad date"));
            return null;
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE) || date.isAfter(LocalDate.now(this.clock))) {
            problems.add(new FieldProblem("birth_date", raw, "birth date out of range"));
            return null;
        }
        return date;
    }

    private static String language(String raw, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > 16 || !LANGUAGE.matcher(value).matches()) {
            problems.add(new FieldProblem("language", raw, "not a language code (such as de, en-US)"));
            return null;
        }
        return value.replace('_', '-');
    }

    private static String timeZone(String raw, PhoneNumbers.Result phone, List<FieldProblem> problems) {
        if (blank(raw)) {
            return phone.isValid() ? phone.number().timeZone() : null;
        }
        try {
            return ZoneId.of(raw.strip()).getId();
        }
        catch (DateTimeException ex) {
            problems.add(new FieldProblem("time_zone", raw, "unknown time zone (such as Europe/Berlin)"));
            return null;
        }
    }

    private static PreferredChannel preferredChannel(String raw, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        return PreferredChannel.parse(raw).orElseGet(() -> {
            problems.add(new FieldProblem("preferred_channel", raw, "unknown channel (use sms, whatsapp or rcs)"));
            return null;
        });
    }

    /**
     * An opt-in cell: yes/true/1 or the date it was given is an opt-in; no/false/0 says
     * none was given (nothing changes); "opted out"/stop records an opt-out.
     */
    private WhatsAppOptIn whatsappOptIn(String raw, DateOrder order, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        String value = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
        if (OPT_IN_WORDS.contains(value)) {
            return new WhatsAppOptIn(WhatsAppConsent.OPTED_IN, null, null);
        }
        if (NO_WORDS.contains(value)) {
            return null;
        }
        if (OPT_OUT_WORDS.contains(value)) {
            return new WhatsAppOptIn(WhatsAppConsent.OPTED_OUT, null, null);
        }
        LocalDate date = Dates.parse(raw.strip(), order);
        if (date != null && !date.isAfter(LocalDate.now(this.clock))) {
            return new WhatsAppOptIn(WhatsAppConsent.OPTED_IN, date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    null);
        }
        problems.add(new FieldProblem("whatsapp_consent", raw,
                "not a WhatsApp opt-in (use yes, no, opted out or the date of the opt-in)"));
        return null;
    }

    private static List<String> tags(String raw, List<FieldProblem> problems) {
        if (blank(raw)) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : TAG_SEPARATORS.split(raw)) {
            String tag = part.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > 40 || hasControlCharacters(tag)) {
                problems.add(new FieldProblem("tags", raw, "a tag has at most 40 printable characters"));
                return List.of();
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new FieldProblem("tags", raw, "too many tags (at most " + MAX_TAGS + ")"));
            return List.of();
        }
        return List.copyOf(tags);
    }

    private static Map<String, Object> attributes(Map<String, String> raw, Map<String, CustomAttributeType> types,
            DateOrder order, List<FieldProblem> problems) {
        if (raw.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            CustomAttributeType type = types.get(key);
            if (type == null) {
                problems.add(new FieldProblem(key, value, "unknown custom attribute"));
                return;
            }
            if (blank(value)) {
                return;
            }
            if (hasControlCharacters(value)) {
                problems.add(new FieldProblem(key, value, "contains control characters"));
                return;
            }
            try {
                values.put(key, type.parse(value, order));
            }
            catch (IllegalArgumentException ex) {
                problems.add(new FieldProblem(key, value, ex.getMessage()));
            }
        });
        return values;
    }

    /**
     * A normalized contact, or the problems that stopped it.
     *
     * @param warnings what was wrong but did not stop the contact (fields left empty, a
     * landline)
     */
    public record Outcome(NormalizedContact contact, List<FieldProblem> problems, List<FieldProblem> warnings) {

        public boolean isValid() {
            return this.contact != null;
        }

    }

}
