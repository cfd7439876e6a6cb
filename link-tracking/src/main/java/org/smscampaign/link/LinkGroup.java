package org.smscampaign.link;

/**
 * The links of one campaign that lead to one destination (every recipient's own link), or
 * one plain link, with their hits.
 *
 * @param campaignId the campaign, or null for a plain link
 * @param destination the address as written, without the UTM parameters added to it
 * @param links recipient links (1 for a plain link)
 * @param firstLinkId the oldest of the links (a plain link's own id)
 * @param label the plain link's label, or null
 * @param humanLinks links with at least one human hit (people who clicked)
 */
public record LinkGroup(Long campaignId, String destination, long links, long firstLinkId, String label, long hits,
        long humanHits, long humanLinks) {

}
