package archfixture.campaign.internal;

/** Fixture: an internal class of the campaign module. */
public class CampaignStore {

}
