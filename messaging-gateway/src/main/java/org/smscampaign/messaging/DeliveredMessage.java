package org.smscampaign.messaging;

import java.time.Instant;

/**
 * A message the provider delivered: when, and the recipient's time zone (for repairs of
 * what a delivery receipt should have told).
 */
public record DeliveredMessage(long id, Instant at, String recipientZone) {

}
