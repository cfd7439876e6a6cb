package archfixture.link;

import archfixture.campaign.Campaign;

/** Fixture: a leaf that wrongly knows campaigns (an upward dependency, and a cycle). */
public class LeakyLink {

    Campaign campaign;

}
