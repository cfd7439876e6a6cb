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

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    static final int MAX_TAGS = 50;

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
     * @param customTypes the types of the custom attributes that may be given
     */
    public Outcome normalize(ContactInput input, String defaultRegion, DateOrder dateOrder,
            Map<String, CustomAttributeType> customTypes) {
        List<FieldProblem> problems = new ArrayList<>(0);
        PhoneNumbers.Result phone = this.phoneNumbers.parse(input.phone(), defaultRegion);
        if (!phone.isValid()) {
            problems.add(new FieldProblem("phone", input.phone(), phone.problem()));
        }
        else if (this.properties.rejectLandlines() && phone.number().type().equals("FIXED_LINE")) {
            problems.add(new FieldProblem("phone", input.phone(), "landline number (cannot receive SMS)"));
        }
        String firstName = text("first_name", input.firstName(), 100, problems);
        String lastName = text("last_name", input.lastName(), 100, problems);
        String email = email(input.email(), problems);
        String city = text("city", input.city(), 100, problems);
        String region = text("region", input.region(), 100, problems);
        String country = country(input.country(), phone, problems);
        Gender gender = gender(input.gender(), problems);
        LocalDate birthDate = birthDate(input.birthDate(), dateOrder, problems);
        String language = language(input.language(), problems);
        String timeZone = timeZone(input.timeZone(), phone, problems);
        List<String> tags = tags(input.tags(), problems);
        Map<String, Object> attributes = attributes(input.attributes(), customTypes, dateOrder, problems);
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new NormalizedContact(phone.number(), firstName, lastName, email, city, region, country,
                gender, birthDate, language, timeZone, tags, attributes), List.of());
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

    private static String country(String raw, PhoneNumbers.Result phone, List<FieldProblem> problems) {
        if (blank(raw)) {
            return phone.isValid() ? phone.number().country() : null;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            problems.add(new FieldProblem("country", raw, "not an ISO country code (such as DE, US, FR)"));
            return null;
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

    /** A normalized contact, or the problems that stopped it. */
    public record Outcome(NormalizedContact contact, List<FieldProblem> problems) {

        public boolean isValid() {
            return this.contact != null;
        }

    }

}
