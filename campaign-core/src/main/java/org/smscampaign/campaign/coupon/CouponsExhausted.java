package org.smscampaign.campaign.coupon;

/**
 * A launch needed more codes than its pool had left (another campaign drew from it since
 * the launch was checked): the launch pauses with the reason.
 */
public class CouponsExhausted extends RuntimeException {

    public CouponsExhausted(String pool, int left, int needed) {
        super("The coupon pool \u201c" + pool + "\u201d ran out of codes (" + left + " left for the next " + needed
                + " recipients). Import more codes into the pool, then resume.");
    }

}
