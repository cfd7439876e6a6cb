package org.smscampaign.link;

import java.time.Instant;
import java.util.Optional;

/**
 * The coupon codes campaigns gave their recipients, as conversions need them: a redeemed
 * code names the campaign, variant and contact, with no click needed. Implemented where
 * campaigns live; without such a bean no code is known.
 */
public interface CouponCodes {

    /** Who holds a code (compared in upper case), if a campaign gave it. */
    Optional<Holder> find(String code);

    /** A conversion redeemed the code (the first one is kept on the code). */
    void redeemed(String code, long conversionId, Instant at);

    /** A code's holder: the campaign that gave it, the variant and the contact. */
    record Holder(String code, long campaignId, String variant, long contactId) {

    }

}
