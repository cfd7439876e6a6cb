package org.smscampaign.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    private final PhoneNumbers phoneNumbers = new PhoneNumbers();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0171 1234567       | DE | +491711234567 | MOBILE               | DE | Europe/Berlin
            +49 171 1234567    | US | +491711234567 | MOBILE               | DE | Europe/Berlin
            (415) 555-2671     | US | +14155552671  | FIXED_LINE_OR_MOBILE | US | America/Los_Angeles
            212-555-0100       | US | +12125550100  | FIXED_LINE_OR_MOBILE | US | America/New_York
            06 12 34 56 78     | FR | +33612345678  | MOBILE               | FR | Europe/Paris
            07400 123456       | GB | +447400123456 | MOBILE               | GB | Europe/London
            """)
    void parsesNumbersAsPeopleWriteThem(String raw, String region, String e164, String type, String country,
            String zone) {
        PhoneNumbers.Result result = this.phoneNumbers.parse(raw, region);

        assertThat(result.isValid()).isTrue();
        assertThat(result.number()).isEqualTo(new ParsedPhoneNumber(e164, type, country, zone));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hello         | not a phone number
            12            | invalid phone number
            +49 171       | invalid phone number
            0000000000    | invalid phone number
            """)
    void refusesWhatIsNotAValidNumber(String raw, String problem) {
        PhoneNumbers.Result result = this.phoneNumbers.parse(raw, "DE");

        assertThat(result.isValid()).isFalse();
        assertThat(result.problem()).isEqualTo(problem);
    }

    @Test
    void flagsLandlines() {
        PhoneNumbers.Result berlinLandline = this.phoneNumbers.parse("030 12345678", "DE");

        assertThat(berlinLandline.number().type()).isEqualTo("FIXED_LINE");
        assertThat(berlinLandline.number().textable()).isFalse();
    }

    @Test
    void aCountryWithSeveralZonesAndNoAreaDetailGetsTheEasternMost() {
        // Russian mobile numbers carry no region: the eastern-most zone is the safe side
        // for quiet hours.
        PhoneNumbers.Result russian = this.phoneNumbers.parse("+7 912 345-67-89", "RU");

        assertThat(russian.isValid()).isTrue();
        assertThat(russian.number().timeZone()).isNotEqualTo("Europe/Moscow").isNotEqualTo("UTC");
    }

    @Test
    void missingAndOverlongInputIsRefusedWithoutParsing() {
        assertThat(this.phoneNumbers.parse(" ", "DE").problem()).isEqualTo("missing phone number");
        assertThat(this.phoneNumbers.parse("1".repeat(41), "DE").problem()).isEqualTo("too long for a phone number");
    }

}
