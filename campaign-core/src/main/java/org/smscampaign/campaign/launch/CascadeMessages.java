package org.smscampaign.campaign.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.cascade.CascadePlan;
import org.smscampaign.campaign.cascade.CascadeTexts;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.MintedLink;
import org.smscampaign.link.RecipientLinkRequest;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.Attribution;
import org.smscampaign.messaging.ChainStep;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.MessageRequest;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.Prices;
import org.smscampaign.messaging.Reachability;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.messaging.StepText;

import org.springframework.stereotype.Component;

/**
 * A batch of a cascade campaign's messages: each recipient's chain (see
 * {@link CascadePlan}), with every step's text rendered for them and their links minted
 * once for all steps. What the number is unreachable on is read once per batch. A chain
 * of one step is a chain too (its recipient counts in the savings).
 */
@Component
class CascadeMessages {

    private final Reachability reachability;

    private final ShortLinks links;

    private final MessagingProperties messaging;

    private final Prices prices;

    private final ContentTemplates templates;

    CascadeMessages(Reachability reachability, ShortLinks links, MessagingProperties messaging, Prices prices,
            ContentTemplates templates) {
        this.reachability = reachability;
        this.links = links;
        this.messaging = messaging;
        this.prices = prices;
        this.templates = templates;
    }

    /** The plan of a draft's cascade (once per launch). */
    CascadePlan plan(CampaignDraft draft) {
        return new CascadePlan(draft, this.messaging, this.prices);
    }

    List<MessageRequest> of(long campaignId, CampaignDraft draft, CascadePlan plan, CampaignTexts variants,
            BrandView brand, String winner, List<LaunchRunner.Row> rows, List<Recipients.Decision> decisions,
            long[] ids) {
        CascadeTexts texts = new CascadeTexts(plan, this.templates);
        Map<String, Set<org.smscampaign.messaging.Channel>> unreachable = this.reachability
            .unreachableAmong(rows.stream().map(LaunchRunner.Row::phone).toList());
        String slug = CampaignTexts.slug(draft.name());
        List<RecipientLinkRequest> requests = new ArrayList<>();
        List<List<String>> targets = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            MessageTemplate variant = variants.of(decisions.get(i).variant(), rows.get(i).country());
            List<String> recipientTargets = texts.links(variant);
            targets.add(recipientTargets);
            for (String target : recipientTargets) {
                requests.add(new RecipientLinkRequest(target, brand.id(), campaignId, rows.get(i).id(),
                        decisions.get(i).variant(), ids[i], slug, draft.attributionDays()));
            }
        }
        List<MintedLink> minted = requests.isEmpty() ? List.of() : this.links.mint(requests);
        List<MessageRequest> messages = new ArrayList<>(rows.size());
        int link = 0;
        for (int i = 0; i < rows.size(); i++) {
            LaunchRunner.Row row = rows.get(i);
            Recipients.Decision decision = decisions.get(i);
            Map<String, String> shortLinks = new HashMap<>();
            for (String target : targets.get(i)) {
                shortLinks.put(target, minted.get(link++).shortUrl());
            }
            MessageTemplate variant = variants.of(decision.variant(), row.country());
            String sms = CascadeTexts.render(variant, row.fields()::get, shortLinks::get).text();
            List<CascadePlan.Step> chain = plan.chain(row.phone(), unreachable.getOrDefault(row.phone(), Set.of()),
                    row.whatsAppConsent(), row.preferred(), SmsText.of(sms).segments());
            List<StepText> stepTexts = new ArrayList<>(chain.size());
            List<ChainStep> steps = new ArrayList<>(chain.size());
            for (CascadePlan.Step step : chain) {
                stepTexts.add(texts.text(step.index(), sms, row.fields()::get, shortLinks::get));
                steps.add(new ChainStep(step.channel(), step.step().sender(),
                        Duration.ofMinutes(step.step().timeoutMinutes()), step.step().deliveredWhen()));
            }
            StepText first = stepTexts.get(0);
            // A chain of one step (only SMS left) is still a chain: its recipient is part
            // of
            // the audience the savings are measured on (its SMS-only cost is its cost).
            String key = "campaign:" + campaignId + ":contact:" + row.id() + ((winner != null) ? ":winner" : "");
            messages.add(new MessageRequest(ids[i], key, chain.get(0).channel(), chain.get(0).step().sender(),
                    row.phone(), first.body(), first.segments(), decision.due(), decision.window(),
                    new Attribution(campaignId, row.id(), decision.variant()), steps, first.template(), stepTexts));
        }
        return messages;
    }

}
