package org.smscampaign.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smscampaign.campaign.CampaignStatus.CANCELLED;
import static org.smscampaign.campaign.CampaignStatus.COMPLETED;
import static org.smscampaign.campaign.CampaignStatus.DRAFT;
import static org.smscampaign.campaign.CampaignStatus.PAUSED;
import static org.smscampaign.campaign.CampaignStatus.SCHEDULED;
import static org.smscampaign.campaign.CampaignStatus.SENDING;

class CampaignStatusTest {

    @Test
    void theLifecycleAllowsExactlyTheseTransitions() {
        String allowed = "";
        for (CampaignStatus from : CampaignStatus.values()) {
            for (CampaignStatus to : CampaignStatus.values()) {
                if (from.mayBecome(to)) {
                    allowed += from + ">" + to + " ";
                }
            }
        }
        assertThat(allowed.strip()).isEqualTo("DRAFT>SCHEDULED DRAFT>SENDING DRAFT>CANCELLED SCHEDULED>SENDING "
                + "SCHEDULED>PAUSED SCHEDULED>CANCELLED SENDING>PAUSED SENDING>COMPLETED SENDING>CANCELLED "
                + "PAUSED>SCHEDULED PAUSED>SENDING PAUSED>CANCELLED");
    }

    @Test
    void finishedCampaignsGoNowhereAndOnlyDraftsAreEditable() {
        for (CampaignStatus to : CampaignStatus.values()) {
            assertThat(COMPLETED.mayBecome(to)).isFalse();
            assertThat(CANCELLED.mayBecome(to)).isFalse();
        }
        assertThat(DRAFT.editable()).isTrue();
        assertThat(SENDING.editable()).isFalse();
        assertThat(PAUSED.live()).isTrue();
        assertThat(SCHEDULED.live()).isTrue();
        assertThat(DRAFT.live()).isFalse();
    }

}
