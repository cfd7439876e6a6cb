package org.smscampaign.contact;

/**
 * How many contacts match criteria, and how many of those can be texted (subscribed, not
 * erased). Unsubscribed contacts are never counted as reachable.
 */
public record AudienceCount(long matching, long reachable) {

}
