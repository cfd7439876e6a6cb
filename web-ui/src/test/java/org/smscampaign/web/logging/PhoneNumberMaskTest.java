package org.smscampaign.web.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sending to +491711234567 now          | Sending to +491*******67 now
            to=whatsapp:+14155550123              | to=whatsapp:+141******23
            +1 (415) 555-0123 replied STOP        | +141******23 replied STOP
            +44 20 7946 0958                      | +442*******58
            two: +33612345678,+33698765432        | two: +336******78,+336******32
            """)
    void masksEveryPhoneNumberKeepingCountryPrefixAndLastDigits(String text, String masked) {
        assertThat(PhoneNumberMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Campaign 1234567 launched
            took 12345 ms
            version 2026.11.23+1
            sum +12
            """)
    void leavesTextWithoutPhoneNumbersAlone(String text) {
        assertThat(PhoneNumberMask.mask(text)).isEqualTo(text);
    }

}
