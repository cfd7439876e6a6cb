package org.smscampaign.campaign.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.cascade.CascadePlan;
import org.smscampaign.campaign.cascade.CascadeTexts;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.link.PlainLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.Prices;
import org.smscampaign.messaging.StepText;

import org.springframework.stereotype.Component;

/**
 * A campaign's text sent to one number now, as a test: fields take their fallbacks, links
 * are real short links (labelled as test links). A cascade campaign's test goes on the
 * channel of its first listed step (its template on WhatsApp), from that step's sender.
 */
@Component
public class TestSends {

    private final ShortLinks links;

    private final MessageGateway gateway;

    private final CampaignProperties properties;

    private final MessagingProperties messaging;

    private final Prices prices;

    private final ContentTemplates templates;

    TestSends(ShortLinks links, MessageGateway gateway, CampaignProperties properties, MessagingProperties messaging,
            Prices prices, ContentTemplates templates) {
        this.links = links;
        this.gateway = gateway;
        this.properties = properties;
        this.messaging = messaging;
        this.prices = prices;
        this.templates = templates;
    }

    /** Queues the test message; returns its id. */
    public long send(long campaignId, CampaignDraft draft, CampaignDraft.Variant variant, String number, String by) {
        MessageTemplate sms = MessageTemplate
            .parse(CampaignTexts.full(draft, variant.body(), this.properties.optOutLineFor(null)));
        if (draft.cascade() == null) {
            String body = CascadeTexts.render(sms, (field) -> null, shortLinks(sms.links(), campaignId, draft, by)::get)
                .text();
            return this.gateway.send(number, body, draft.sender());
        }
        CascadePlan plan = new CascadePlan(draft, this.messaging, this.prices);
        CascadeTexts texts = new CascadeTexts(plan, this.templates);
        Map<String, String> shortLinks = shortLinks(texts.links(sms), campaignId, draft, by);
        String smsText = CascadeTexts.render(sms, (field) -> null, shortLinks::get).text();
        CascadePlan.Step first = plan.listed().get(0);
        StepText text = texts.text(first.index(), smsText, (field) -> null, shortLinks::get);
        return this.gateway.send(number, text.body(), first.step().sender(), text.template());
    }

    private Map<String, String> shortLinks(java.util.List<String> targets, long campaignId, CampaignDraft draft,
            String by) {
        Map<String, String> shortLinks = new LinkedHashMap<>();
        for (String target : targets) {
            shortLinks.computeIfAbsent(target,
                    (t) -> this.links
                        .create(new PlainLinkRequest(t, "Test send of campaign " + campaignId, draft.brandId(), null,
                                null, "test-" + campaignId), by)
                        .shortUrl());
        }
        return shortLinks;
    }

}
