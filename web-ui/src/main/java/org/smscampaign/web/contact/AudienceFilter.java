package org.smscampaign.web.contact;

import java.util.ArrayList;
import java.util.List;

import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.segment.Segments;

/**
 * The contacts of a list and/or a segment, as criteria (everyone when neither is given).
 */
final class AudienceFilter {

    private AudienceFilter() {
    }

    static ContactCriteria of(Long listId, Long segmentId, Segments segments) {
        List<ContactCriteria> parts = new ArrayList<>();
        if (listId != null) {
            parts.add(ContactCriteria.Condition.of(ContactField.LIST, CriteriaOperator.IN, String.valueOf(listId)));
        }
        if (segmentId != null) {
            parts.add(segments.get(segmentId).rule());
        }
        return new ContactCriteria.Group(ContactCriteria.Combinator.ALL, parts);
    }

}
