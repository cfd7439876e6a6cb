package org.smscampaign.alert;

/**
 * The account's usual human CTR: the median over campaigns completed in the trailing
 * days, what {@link AlertRule#LOW_HUMAN_CTR} compares with.
 *
 * @param medianHumanCtr percent, or null without any such campaign (the rule then waits)
 * @param campaigns how many campaigns it is the median of
 * @param days how far back it looks
 */
public record Baseline(Double medianHumanCtr, int campaigns, int days) {

}
