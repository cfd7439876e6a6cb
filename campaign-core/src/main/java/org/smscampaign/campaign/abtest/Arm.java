package org.smscampaign.campaign.abtest;

/**
 * One variant's figures at a look.
 *
 * @param label the variant's label; the first arm of a test is the control
 * @param delivered messages delivered
 * @param successes human clickers (or conversions) among them
 */
public record Arm(String label, long delivered, long successes) {

    /** Successes per delivered message, 0 before any delivery. */
    public double rate() {
        return (this.delivered > 0) ? (double) this.successes / this.delivered : 0;
    }

}
