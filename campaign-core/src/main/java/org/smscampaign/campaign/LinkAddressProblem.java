package org.smscampaign.campaign;

/**
 * A launch refused because the campaign's short links would point at an address the
 * recipients' phones cannot open (loopback, private, single-label, or not in DNS); the
 * message says where to set the brand's link address.
 */
public class LinkAddressProblem extends CampaignProblem {

    public LinkAddressProblem(String message) {
        super(Kind.INVALID, message);
    }

}
