package org.smscampaign.contact;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactNormalizerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private final ContactNormalizer normalizer = normalizer(false);

    private static ContactNormalizer normalizer(boolean rejectLandlines) {
        return new ContactNormalizer(new PhoneNumbers(), new ContactProperties("DE", rejectLandlines,
                new ContactProperties.Imports(null, 5000, 1000, Duration.ofMinutes(2))), CLOCK);
    }

    private static ContactInput input(String phone, String gender, String birthDate, String tags) {
        return new ContactInput(phone, " Anna ", "Schmidt", "anna@example.org", "Berlin", null, null, gender, birthDate,
                "de", null, tags, Map.of());
    }

    @Test
    void putsEveryFieldInCanonicalFormAndDerivesCountryAndTimeZone() {
        ContactNormalizer.Outcome outcome = this.normalizer.normalize(
                input("0171 1234567", "weiblich", "04.03.1985", "Sports| travel ;sports"), "DE",
                DateOrder.DAY_MONTH_YEAR, Map.of());

        NormalizedContact contact = outcome.contact();
        assertThat(contact.phone().e164()).isEqualTo("+491711234567");
        assertThat(contact.firstName()).isEqualTo("Anna");
        assertThat(contact.gender()).isEqualTo(Gender.FEMALE);
        assertThat(contact.birthDate()).isEqualTo(LocalDate.of(1985, 3, 4));
        assertThat(contact.country()).isEqualTo("DE");
        assertThat(contact.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(contact.tags()).containsExactly("sports", "travel");
    }

    @Test
    void reportsEveryBadFieldWithItsValueAndReason() {
        ContactInput bad = new ContactInput("12", "A".repeat(101), null, "not-an-email", null, null, "Atlantis",
                "robot", "31.02.1985", "deutsch!", "Mars/Base", null, Map.of());

        List<FieldProblem> problems = this.normalizer.normalize(bad, "DE", DateOrder.DAY_MONTH_YEAR, Map.of())
            .problems();

        assertThat(problems).extracting(FieldProblem::field)
            .containsExactly("phone", "first_name", "email", "country", "gender", "birth_date", "language",
                    "time_zone");
        assertThat(problems).extracting(FieldProblem::reason)
            .contains("invalid phone number", "too long (at most 100 characters)",
                    "unknown gender value (use female, " + "male or diverse)", "bad date");
        assertThat(problems.get(4).value()).isEqualTo("robot");
    }

    @Test
    void anImportKeepsAValidNumberAndLeavesTheBadFieldsEmptyWithAWarning() {
        ContactInput bad = new ContactInput("0171 1234567", "Anna", null, "anna@", null, null, null, null, "31.02.1985",
                null, null, null, Map.of("points", "many"));

        ContactNormalizer.Outcome outcome = this.normalizer.normalizeKeepingValidNumber(bad, "DE",
                DateOrder.DAY_MONTH_YEAR, Map.of("points", CustomAttributeType.NUMBER));

        assertThat(outcome.contact().firstName()).isEqualTo("Anna");
        assertThat(outcome.contact().email()).isNull();
        assertThat(outcome.contact().birthDate()).isNull();
        assertThat(outcome.contact().attributes()).isEmpty();
        assertThat(outcome.warnings()).extracting(FieldProblem::field, FieldProblem::value, FieldProblem::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "anna@", "not an e-mail address: left empty"),
                    org.assertj.core.groups.Tuple.tuple("birth_date", "31.02.1985", "bad date: left empty"),
                    org.assertj.core.groups.Tuple.tuple("points", "many", "not a number: left empty"));
        assertThat(this.normalizer
            .normalize(bad, "DE", DateOrder.DAY_MONTH_YEAR, Map.of("points", CustomAttributeType.NUMBER))
            .isValid()).as("a form still refuses them, where they can be corrected").isFalse();
    }

    @Test
    void theCountryOfTheRowGivesTheRegionOfTheNumberByCodeOrNameInAnyLanguage() {
        for (String country : List.of("DE", "de", "DEU", "Germany", "Deutschland", "Allemagne", " germany ")) {
            ContactInput input = new ContactInput("0176 12345002", null, null, null, null, null, country, null, null,
                    null, null, null, Map.of());
            NormalizedContact contact = this.normalizer.normalize(input, "US", DateOrder.MONTH_DAY_YEAR, Map.of())
                .contact();
            assertThat(contact).as(country).isNotNull();
            assertThat(contact.phone().e164()).as(country).isEqualTo("+4917612345002");
            assertThat(contact.country()).as(country).isEqualTo("DE");
        }
        ContactInput french = new ContactInput("06 12 34 56 78", null, null, null, null, null, "Frankreich", null, null,
                null, null, null, Map.of());
        assertThat(this.normalizer.normalize(french, "DE", DateOrder.DAY_MONTH_YEAR, Map.of()).contact().phone().e164())
            .isEqualTo("+33612345678");
    }

    @Test
    void refusesControlCharactersThatWouldCorruptTheDatabase() {
        ContactInput input = new ContactInput("0171 1234567", "An\u0000na", null, null, null, null, null, null, null,
                null, null, null, Map.of());

        assertThat(this.normalizer.normalize(input, "DE", DateOrder.DAY_MONTH_YEAR, Map.of()).problems())
            .singleElement()
            .extracting(FieldProblem::reason)
            .isEqualTo("contains control characters");
    }

    @Test
    void birthDatesMustBePlausible() {
        assertThat(this.normalizer
            .normalize(input("0171 1234567", null, "2030-01-01", null), "DE", DateOrder.DAY_MONTH_YEAR, Map.of())
            .problems()).extracting(FieldProblem::reason).containsExactly("birth date out of range");
    }

    @Test
    void customAttributesAreTypedByTheirDefinition() {
        Map<String, CustomAttributeType> types = Map.of("points", CustomAttributeType.NUMBER, "vip",
                CustomAttributeType.BOOLEAN, "since", CustomAttributeType.DATE, "store", CustomAttributeType.TEXT);
        ContactInput input = new ContactInput("0171 1234567", null, null, null, null, null, null, null, null, null,
                null, null, Map.of("points", "1250.5", "vip", "Ja", "since", "01.02.2020", "store", "Mitte"));

        NormalizedContact contact = this.normalizer.normalize(input, "DE", DateOrder.DAY_MONTH_YEAR, types).contact();

        assertThat(contact.attributes()).containsEntry("points", new BigDecimal("1250.5"))
            .containsEntry("vip", true)
            .containsEntry("since", "2020-02-01")
            .containsEntry("store", "Mitte");
    }

    @Test
    void wrongCustomValuesAndUnknownAttributesAreRefused() {
        ContactInput input = new ContactInput("0171 1234567", null, null, null, null, null, null, null, null, null,
                null, null, Map.of("points", "many", "shoe_size", "42"));

        assertThat(this.normalizer
            .normalize(input, "DE", DateOrder.DAY_MONTH_YEAR, Map.of("points", CustomAttributeType.NUMBER))
            .problems()).extracting(FieldProblem::reason)
            .containsExactlyInAnyOrder("not a number", "unknown custom attribute");
    }

    @Test
    void landlinesAreFlaggedOrRefusedByConfiguration() {
        ContactInput landline = ContactInput.ofPhone("030 12345678");

        assertThat(
                this.normalizer.normalize(landline, "DE", DateOrder.DAY_MONTH_YEAR, Map.of()).contact().phone().type())
            .isEqualTo("FIXED_LINE");
        assertThat(normalizer(true).normalize(landline, "DE", DateOrder.DAY_MONTH_YEAR, Map.of()).problems())
            .extracting(FieldProblem::reason)
            .containsExactly("landline number (cannot receive SMS)");
    }

}
