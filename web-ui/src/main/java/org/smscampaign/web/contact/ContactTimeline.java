package org.smscampaign.web.contact;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ConsentEventView;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.link.ContactHit;
import org.smscampaign.link.ConversionView;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageSearch;
import org.smscampaign.messaging.MessageView;
import org.smscampaign.messaging.Replies;
import org.smscampaign.messaging.ReplyView;

import org.springframework.stereotype.Component;

/**
 * What happened with one contact, newest first, gathered from every module: messages sent
 * to them, hits on their links, conversions, texts they sent and consent changes.
 */
@Component
class ContactTimeline {

    /** Entries of each kind read at most (the page shows the most recent). */
    static final int PER_KIND = 50;

    private final MessageGateway gateway;

    private final ShortLinks links;

    private final Conversions conversions;

    private final Replies replies;

    private final CampaignManagement campaigns;

    ContactTimeline(MessageGateway gateway, ShortLinks links, Conversions conversions, Replies replies,
            CampaignManagement campaigns) {
        this.gateway = gateway;
        this.links = links;
        this.conversions = conversions;
        this.replies = replies;
        this.campaigns = campaigns;
    }

    /**
     * One event of the timeline.
     *
     * @param kind message, click, conversion, reply or consent
     * @param href where it is shown in full, or null
     */
    record Entry(Instant at, String kind, String title, String detail, String href) {

    }

    List<Entry> of(ContactDetails contact) {
        Map<Long, String> names = this.campaigns.names();
        List<Entry> entries = new ArrayList<>();
        if (contact.phoneNumber() != null) {
            for (MessageView m : this.gateway.search(new MessageSearch(null, null, contact.phoneNumber()), PER_KIND)) {
                entries.add(new Entry(m.createdAt(), "message",
                        "Message " + m.status().name().toLowerCase() + campaign(names, m.attribution().campaignId()),
                        m.body(), "/messages/" + m.id()));
            }
            for (ReplyView r : this.replies.from(contact.phoneNumber(), PER_KIND)) {
                entries.add(new Entry(r.receivedAt(), "reply",
                        replyTitle(r.kind()) + campaign(names, r.attribution().campaignId()), r.body(), null));
            }
        }
        for (ContactHit hit : this.links.hitsOfContact(contact.id(), PER_KIND)) {
            entries.add(new Entry(hit.occurredAt(), "click",
                    (hit.human() ? "Clicked a link"
                            : "Link opened, not counted as a click (" + hit.reason().label().toLowerCase() + ")")
                            + campaign(names, hit.campaignId()),
                    hit.targetUrl(), "/links/" + hit.linkId()));
        }
        for (ConversionView c : this.conversions.ofContact(contact.id(), PER_KIND)) {
            String value = (c.value() != null)
                    ? " worth " + c.value().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + c.currency() : "";
            entries.add(new Entry(c.occurredAt(), "conversion",
                    "Converted: " + c.event() + value + campaign(names, c.campaignId()),
                    (c.orderId() != null) ? "order " + c.orderId() : null, null));
        }
        for (ConsentEventView e : contact.consentLog()) {
            entries.add(new Entry(e.occurredAt(), "consent", e.channel().label() + " consent: "
                    + e.statusLabel().toLowerCase() + " (" + e.source().name().toLowerCase().replace('_', ' ') + ")",
                    e.proof(), null));
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries;
    }

    private static String campaign(Map<Long, String> names, Long campaignId) {
        return (campaignId != null) ? " · " + names.getOrDefault(campaignId, "campaign " + campaignId) : "";
    }

    private static String replyTitle(String kind) {
        return switch (kind) {
            case "OPT_OUT" -> "Replied STOP";
            case "OPT_IN" -> "Replied START";
            case "HELP" -> "Asked for help";
            default -> "Replied";
        };
    }

}
