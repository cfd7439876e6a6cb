package org.smscampaign.campaign;

import java.time.Instant;

/**
 * A pool of imported coupon codes.
 *
 * @param size codes imported
 * @param used codes campaigns have drawn (each goes to one recipient, never again)
 * @param left codes still free
 */
public record CouponPoolView(long id, String name, long size, long used, long left, String createdBy,
        Instant createdAt) {

}
