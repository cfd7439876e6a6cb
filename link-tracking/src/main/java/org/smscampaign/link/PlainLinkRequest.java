package org.smscampaign.link;

import java.time.Instant;

/**
 * A short link for other channels (print, QR codes, social), not tied to a recipient.
 *
 * @param brandId the brand, or null for the default brand
 * @param utmCampaign value of utm_campaign when UTM parameters are appended
 */
public record PlainLinkRequest(String targetUrl, String label, Long brandId, Instant expiresAt, String fallbackUrl,
        String utmCampaign) {

}
