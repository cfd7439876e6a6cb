package org.smscampaign.link;

/**
 * Links of a brand whose destination its current rules refuse, grouped by address: found
 * when the rules changed (or a check ran at start), listed for the admin.
 *
 * @param field TARGET (where the link goes) or FALLBACK (where it goes once ended)
 * @param url the refused address
 * @param reason why the rules refuse it
 * @param links links of the brand with this address
 * @param disabledLinks of those, how many an admin disabled (they answer with the "link
 * disabled" page)
 * @param exampleLinkId one of the links, to open or change it
 * @param campaignId the campaign of that link, if any
 */
public record LinkOffenceView(String field, String url, String reason, long links, long disabledLinks,
        long exampleLinkId, Long campaignId) {

}
