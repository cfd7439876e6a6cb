package org.smscampaign.campaign;

/**
 * How many people an audience reaches, counted as the preflight counts them.
 *
 * @param matching contacts in the chosen segments and lists, minus the excluded ones
 * @param subscribed those of them who are subscribed
 * @param optedOut subscribed, but their number is on the suppression list
 * @param reachable who would get the campaign (before holdout, caps and windows)
 */
public record AudienceReach(long matching, long subscribed, long optedOut, long reachable) {

    public static final AudienceReach NOBODY = new AudienceReach(0, 0, 0, 0);

}
