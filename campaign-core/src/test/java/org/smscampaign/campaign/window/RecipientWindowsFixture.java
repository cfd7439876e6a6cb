package org.smscampaign.campaign.window;

import org.smscampaign.campaign.CampaignProperties;

/** Window rules for tests of other packages. */
public final class RecipientWindowsFixture {

    private RecipientWindowsFixture() {
    }

    public static RecipientWindows windows(CampaignProperties properties) {
        return new RecipientWindows(properties);
    }

}
