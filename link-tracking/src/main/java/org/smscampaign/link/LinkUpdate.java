package org.smscampaign.link;

import java.time.Instant;

/**
 * A change of a link after it was made, for instance a mistyped destination in a sent
 * campaign. A null field is left as it is.
 *
 * @param targetUrl the new destination, checked as on creation (UTM parameters appended
 * unless present)
 * @param expiresAt the new end of the link; a moment already past ends it now
 * @param fallbackUrl where the link goes once it has ended, checked as the destination is
 * (an empty text removes it: the brand's fallback applies)
 */
public record LinkUpdate(String targetUrl, Instant expiresAt, String fallbackUrl) {

    public LinkUpdate(String targetUrl, Instant expiresAt) {
        this(targetUrl, expiresAt, null);
    }

}
