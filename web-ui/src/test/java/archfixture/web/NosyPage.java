package archfixture.web;

import archfixture.campaign.internal.CampaignStore;

/** Fixture: a page that reaches into another module's internals. */
public class NosyPage {

    CampaignStore store;

}
