package org.smscampaign.messaging;

import java.time.Instant;

/** A number asked to be texted again (START, YES, UNSTOP). */
public record RecipientOptedIn(String phone, String keyword, Instant at) {

}
