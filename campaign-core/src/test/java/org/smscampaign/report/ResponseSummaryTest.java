package org.smscampaign.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The response funnel's sentence in each case a manager meets. */
class ResponseSummaryTest {

    private static CampaignReport.Responses responses(long responders, Long converted, Double clickerRate) {
        Double rate = (converted != null && responders > 0) ? 100.0 * converted / responders : null;
        return new CampaignReport.Responses(100, responders, 0, 0, 0, null, converted, null, null, null, rate, null,
                clickerRate, 7, List.of());
    }

    @Test
    void nobodyYet() {
        assertThat(responses(0, 0L, 10.0).summary()).isEqualTo("Nobody has responded yet.");
    }

    @Test
    void manyResponsesFewSales() {
        CampaignReport.Responses r = responses(42, 3L, 12.0);
        assertThat(r.respondersConvertLess()).isTrue();
        assertThat(r.summary()).isEqualTo("42 people responded; 3 of them bought (7 %) — responders convert less "
                + "than clickers (12 % of the people who clicked): look at how responses are answered.");
    }

    @Test
    void respondersBuyAtLeastAsWell() {
        assertThat(responses(1, 1L, 20.0).summary())
            .isEqualTo("1 person responded; 1 of them bought (100 %) — responders convert at least as well as "
                    + "clickers (20 % of the people who clicked).");
    }

    @Test
    void withoutClickersOrConversionFigures() {
        assertThat(responses(5, 0L, null).summary()).isEqualTo("5 people responded; none of them bought.");
        assertThat(responses(5, null, null).summary()).isEqualTo("5 people responded.");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(ResponseFunnel.medianFirstAnswerSeconds(List.of(600L, 60L, 1800L, 120L))).isEqualTo(360.0);
        assertThat(ResponseFunnel.medianFirstAnswerSeconds(List.of())).isNull();
    }

}
