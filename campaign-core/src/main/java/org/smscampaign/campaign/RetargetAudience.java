package org.smscampaign.campaign;

import java.util.List;

import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.CriteriaOperator;

/**
 * The people of a campaign's funnel a marketer can re-target in one click, each with the
 * behaviour rule that selects them and the name its segment gets.
 */
public enum RetargetAudience {

    DELIVERED_NOT_CLICKED("Delivered, did not click", ContactField.DELIVERED, ContactField.CLICKED),
    CLICKED("Clicked", ContactField.CLICKED, null),
    CLICKED_NOT_CONVERTED("Clicked but did not buy", ContactField.CLICKED, ContactField.CONVERTED),
    CONVERTED("Bought", ContactField.CONVERTED, null), RESPONDED("Replied", ContactField.REPLIED, null),
    RESPONDED_NOT_CONVERTED("Replied but did not buy from it", ContactField.REPLIED, ContactField.CONVERTED),
    QUERIED("Asked a question", ContactField.QUERIED, null),
    NOT_DELIVERED("Sent but not delivered", ContactField.RECEIVED, ContactField.DELIVERED);

    private final String label;

    private final ContactField did;

    private final ContactField didNot;

    RetargetAudience(String label, ContactField did, ContactField didNot) {
        this.label = label;
        this.did = did;
        this.didNot = didNot;
    }

    /** The audience of that name, case ignored. */
    public static RetargetAudience parse(String value) {
        for (RetargetAudience audience : values()) {
            if (audience.name().equalsIgnoreCase((value != null) ? value.strip() : "")) {
                return audience;
            }
        }
        throw CampaignProblem.invalid("audience: one of " + java.util.Arrays.toString(values()) + ".");
    }

    /** Who they are, in words ("Clicked but did not buy"). */
    public String label() {
        return this.label;
    }

    /** The rule: did this in the campaign (and not that). */
    public ContactCriteria rule(long campaignId) {
        ContactCriteria.Condition first = ContactCriteria.Condition.inCampaign(this.did, CriteriaOperator.DID,
                campaignId);
        if (this.didNot == null) {
            return new ContactCriteria.Group(ContactCriteria.Combinator.ALL, List.of(first));
        }
        return new ContactCriteria.Group(ContactCriteria.Combinator.ALL, List.of(first,
                ContactCriteria.Condition.inCampaign(this.didNot, CriteriaOperator.DID_NOT, campaignId)));
    }

}
