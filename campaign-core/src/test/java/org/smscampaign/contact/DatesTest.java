package org.smscampaign.contact;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1985-03-04           | DAY_MONTH_YEAR | 1985-03-04
            1985-03-04 00:00:00  | DAY_MONTH_YEAR | 1985-03-04
            1985-03-04T10:15:00Z | DAY_MONTH_YEAR | 1985-03-04
            04.03.1985           | DAY_MONTH_YEAR | 1985-03-04
            4.3.1985             | DAY_MONTH_YEAR | 1985-03-04
            04/03/1985           | DAY_MONTH_YEAR | 1985-03-04
            03/04/1985           | MONTH_DAY_YEAR | 1985-03-04
            """)
    void readsTheDatesExportsWrite(String text, DateOrder order, LocalDate expected) {
        assertThat(Dates.parse(text, order)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1985-02-30", "31.13.1985", "85-03-04", "yesterday", "04/03/85", "1985/03/04", "" })
    void refusesWhatIsNotADate(String text) {
        assertThat(Dates.parse(text, DateOrder.DAY_MONTH_YEAR)).isNull();
    }

}
