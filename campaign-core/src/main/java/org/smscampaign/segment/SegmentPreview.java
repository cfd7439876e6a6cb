package org.smscampaign.segment;

import java.util.List;

import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactSummary;

/**
 * What a rule selects: counts and a few of the contacts, shown while the rule is edited.
 */
public record SegmentPreview(AudienceCount count, List<ContactSummary> sample, long millis) {

}
