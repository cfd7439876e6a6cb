package org.smscampaign.web.browser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.messaging.SendWindow;

/**
 * A campaign of its own for a test: fresh subscribed contacts (nobody over the frequency
 * cap) in a list of their own, and a draft sending to that list a text with a tracked
 * link, launched when the test says so.
 */
record SendingCampaign(long id, String name, long listId, List<ContactDetails> contacts) {

    static SendingCampaign draft(CampaignManagement campaigns, ContactManagement contacts, ContactLists lists,
            String name, int recipients, String city, String target) {
        List<ContactDetails> created = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            created
                .add(contacts.create(
                        new ContactInput(number, "Recipient" + i, "Of " + name, null, city, null, "DE", null, null,
                                "de", null, null, null),
                        ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, "test fixture", "test"));
        }
        long list = lists.create(name + " list", "test fixture").id();
        lists.add(list, created.stream().map(ContactDetails::id).toList());
        CampaignDraft draft = new CampaignDraft(name, "default", null,
                new CampaignDraft.Audience(List.of(), List.of(list), List.of(), List.of()),
                List.of(new CampaignDraft.Variant("A", "Hi {{first_name|there}}, see {{link:" + target + "}}", 100)),
                CampaignDraft.Schedule.now(), SendWindow.Policy.HOLD, true, null, 0, null,
                List.of(new CampaignDraft.Goal(GoalMetric.HUMAN_CTR, new BigDecimal("5"))), 7, 7, List.of());
        return new SendingCampaign(campaigns.create(draft, "demo-marketer").id(), name, list, created);
    }

}
