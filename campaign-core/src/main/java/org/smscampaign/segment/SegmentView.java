package org.smscampaign.segment;

import java.time.Instant;

import org.smscampaign.contact.ContactCriteria;

/** A saved segment. */
public record SegmentView(long id, String name, String description, ContactCriteria rule, String createdBy,
        Instant createdAt, Instant updatedAt) {

}
