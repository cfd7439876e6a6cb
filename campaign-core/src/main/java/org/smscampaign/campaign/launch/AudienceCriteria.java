package org.smscampaign.campaign.launch;

import java.util.ArrayList;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.segment.Segments;

import org.springframework.stereotype.Component;

/**
 * A campaign's audience as contact criteria: anyone in an included segment or list (or
 * everyone, when chosen so), and in none of the excluded ones; nobody when nothing is
 * chosen. (Consent and suppression are applied by the launch.)
 */
@Component
public class AudienceCriteria {

    /** Matches no contact: not (true). */
    static final ContactCriteria NOBODY = new ContactCriteria.Group(ContactCriteria.Combinator.NONE,
            List.of(ContactCriteria.EVERYONE));

    private final Segments segments;

    AudienceCriteria(Segments segments) {
        this.segments = segments;
    }

    public ContactCriteria of(CampaignDraft.Audience audience) {
        if (audience.isEmpty()) {
            return NOBODY; // never a silent "everyone"
        }
        List<ContactCriteria> included = new ArrayList<>();
        // everyone: no inclusion criteria at all (an empty group is true)
        if (!audience.everyone()) {
            audience.segments().forEach((id) -> included.add(this.segments.get(id).rule()));
            if (!audience.lists().isEmpty()) {
                included.add(lists(audience.lists()));
            }
        }
        List<ContactCriteria> excluded = new ArrayList<>();
        audience.excludedSegments().forEach((id) -> excluded.add(this.segments.get(id).rule()));
        if (!audience.excludedLists().isEmpty()) {
            excluded.add(lists(audience.excludedLists()));
        }
        return new ContactCriteria.Group(ContactCriteria.Combinator.ALL,
                List.of(new ContactCriteria.Group(ContactCriteria.Combinator.ANY, included),
                        new ContactCriteria.Group(ContactCriteria.Combinator.NONE, excluded)));
    }

    private static ContactCriteria lists(List<Long> ids) {
        return new ContactCriteria.Condition(ContactField.LIST, CriteriaOperator.IN,
                ids.stream().map(String::valueOf).toList(), null);
    }

}
