package org.smscampaign.web.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactSummary;
import org.smscampaign.messaging.ConversationSummary;
import org.smscampaign.web.security.Role;
import org.smscampaign.web.user.UserAccounts;
import org.smscampaign.web.user.UserView;

import org.springframework.stereotype.Component;

/** Names for the inbox: whose number it is, which campaigns, who may be assigned. */
@Component
public class InboxRows {

    private final ContactManagement contacts;

    private final CampaignManagement campaigns;

    private final UserAccounts users;

    InboxRows(ContactManagement contacts, CampaignManagement campaigns, UserAccounts users) {
        this.contacts = contacts;
        this.campaigns = campaigns;
        this.users = users;
    }

    /** A conversation as the inbox shows it. */
    public record Row(ConversationSummary conversation, String name, List<Campaign> campaigns) {

        /** The contact's name, else the number. */
        public String title() {
            return (this.name != null) ? this.name : this.conversation.phone();
        }

    }

    /** A campaign by id and name. */
    public record Campaign(long id, String name) {

    }

    List<Row> rows(List<ConversationSummary> conversations) {
        // By number: a person who wrote before any campaign reached them is a contact
        // too.
        Map<String, ContactSummary> people = this.contacts
            .summariesByPhone(conversations.stream().map(ConversationSummary::phone).distinct().toList());
        Map<Long, String> names = campaignNames();
        return conversations.stream().map((c) -> row(c, people, names)).toList();
    }

    Row row(ConversationSummary conversation) {
        return rows(List.of(conversation)).get(0);
    }

    Map<Long, String> campaignNames() {
        return new HashMap<>(this.campaigns.names());
    }

    /** Users who may answer in the inbox (agents, marketers, admins), by name. */
    List<String> assignees() {
        return this.users.list()
            .stream()
            .filter(UserView::enabled)
            .filter((user) -> user.role() != Role.MANAGER)
            .map(UserView::username)
            .sorted()
            .toList();
    }

    private static Row row(ConversationSummary conversation, Map<String, ContactSummary> people,
            Map<Long, String> names) {
        ContactSummary person = people.get(conversation.phone());
        String name = (person != null && !person.erased()) ? person.displayName() : null;
        if (name != null && (name.equals(conversation.phone()) || name.equals("—"))) {
            name = null;
        }
        return new Row(conversation, name,
                conversation.campaignIds()
                    .stream()
                    .map((id) -> new Campaign(id, names.getOrDefault(id, "Campaign " + id)))
                    .toList());
    }

}
