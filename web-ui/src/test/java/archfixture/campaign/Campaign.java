package archfixture.campaign;

import archfixture.link.LeakyLink;

/** Fixture: a campaign that uses a link, as allowed. */
public class Campaign {

    LeakyLink link;

}
