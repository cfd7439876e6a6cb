package org.smscampaign.link;

/**
 * Filters of the link list.
 *
 * @param campaignId only the links of this campaign; null for any
 * @param plainOnly only links not tied to a recipient
 */
public record LinkSearch(Long campaignId, boolean plainOnly) {

}
