package org.smscampaign.messaging;

import java.time.Instant;

/**
 * An answer written once and used by everyone in the inbox; its body may hold merge
 * fields ({@code {{first_name|there}}}) rendered with the contact.
 */
public record SavedAnswer(long id, String title, String body, String createdBy, Instant updatedAt) {

}
