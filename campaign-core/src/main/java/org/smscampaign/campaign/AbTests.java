package org.smscampaign.campaign;

import org.smscampaign.campaign.store.AbTestStore;

import org.springframework.stereotype.Service;

/** Reads where campaigns' A/B tests stand (the dashboard, reports, the API). */
@Service
public class AbTests {

    private final AbTestStore store;

    AbTests(AbTestStore store) {
        this.store = store;
    }

    /** The test's latest look and outcome; empty variants before the first look. */
    public AbTestStatus status(long campaignId) {
        return this.store.status(campaignId);
    }

}
