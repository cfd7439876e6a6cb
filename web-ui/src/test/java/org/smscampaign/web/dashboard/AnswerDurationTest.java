package org.smscampaign.web.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The median time to a first answer, as the dashboard says it. */
class AnswerDurationTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(CampaignDashboard.duration(null)).isEqualTo("—");
        assertThat(CampaignDashboard.duration(45.0)).isEqualTo("45 s");
        assertThat(CampaignDashboard.duration(1800.0)).isEqualTo("30 min");
        assertThat(CampaignDashboard.duration(3.0 * 3600 + 300)).isEqualTo("3 h 5 min");
        assertThat(CampaignDashboard.duration(7200.0)).isEqualTo("2 h");
        assertThat(CampaignDashboard.duration(52.0 * 3600)).isEqualTo("2 d 4 h");
    }

}
