package org.smscampaign.link;

/**
 * One recipient's link of a campaign message: the target and the opaque attribution ids.
 *
 * @param utmCampaign value of utm_campaign (the campaign's name or slug)
 * @param attributionDays how long after a click a conversion counts for it
 */
public record RecipientLinkRequest(String targetUrl, Long brandId, long campaignId, long contactId, String variant,
        Long messageId, String utmCampaign, int attributionDays) {

}
