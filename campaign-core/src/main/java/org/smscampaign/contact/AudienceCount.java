package org.smscampaign.contact;

/**
 * How many contacts match criteria, and how many of those can be texted (subscribed, not
 * erased, a number that can receive SMS). Unsubscribed contacts are never counted as
 * reachable.
 *
 * @param landlines subscribed contacts left out because their number is a landline
 */
public record AudienceCount(long matching, long reachable, long landlines) {

    public AudienceCount(long matching, long reachable) {
        this(matching, reachable, 0);
    }

}
