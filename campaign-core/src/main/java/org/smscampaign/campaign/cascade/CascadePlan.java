package org.smscampaign.campaign.cascade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.PriceQuote;
import org.smscampaign.messaging.Prices;

/**
 * Each recipient's chain of a cascade: channels the number is known unreachable on are
 * left out, WhatsApp only for contacts who opted in to it, the contact's preferred
 * channel first, and with {@code CHEAPEST} the rest by price for the recipient's country
 * (SMS after any channel that costs the same). SMS always stays: the last resort.
 */
public final class CascadePlan {

    /** A step of a recipient's chain: its position in the draft, and its channel. */
    public record Step(int index, CampaignDraft.CascadeStep step, Channel channel) {

    }

    private final CampaignDraft.Cascade cascade;

    private final List<Step> listed = new ArrayList<>();

    private final BiFunction<String, String, PriceQuote> prices;

    public CascadePlan(CampaignDraft draft, MessagingProperties messaging, Prices prices) {
        this(draft, messaging, prices::quote);
    }

    /** A plan priced by a function of sender and number (tests). */
    public CascadePlan(CampaignDraft draft, MessagingProperties messaging,
            BiFunction<String, String, PriceQuote> prices) {
        this.cascade = draft.cascade();
        this.prices = prices;
        for (int i = 0; i < this.cascade.steps().size(); i++) {
            CampaignDraft.CascadeStep step = this.cascade.steps().get(i);
            this.listed.add(new Step(i, step, messaging.senders().get(step.sender()).channel()));
        }
    }

    /** The steps as the author listed them. */
    public List<Step> listed() {
        return this.listed;
    }

    /**
     * The chain of one recipient.
     * @param unreachable channels the number is skipped on now
     * @param whatsAppConsent whether the contact opted in to WhatsApp
     * @param preferred the contact's preferred channel, or null
     * @param smsSegments the SMS text's segments (SMS is billed per segment)
     */
    public List<Step> chain(String phone, Set<Channel> unreachable, boolean whatsAppConsent, Channel preferred,
            int smsSegments) {
        List<Step> chain = new ArrayList<>(this.listed.size());
        for (Step step : this.listed) {
            boolean skipped = step.channel() != Channel.SMS && (unreachable.contains(step.channel())
                    || (step.channel() == Channel.WHATSAPP && !whatsAppConsent));
            if (!skipped) {
                chain.add(step);
            }
        }
        if (this.cascade.order() == CampaignDraft.CascadeOrder.CHEAPEST && chain.size() > 1) {
            chain.sort(Comparator.comparing((Step s) -> price(s, phone, smsSegments))
                .thenComparing((s) -> s.channel() == Channel.SMS)
                .thenComparingInt(Step::index));
        }
        if (preferred != null) {
            for (int i = 1; i < chain.size(); i++) {
                if (chain.get(i).channel() == preferred) {
                    chain.add(0, chain.remove(i));
                    break;
                }
            }
        }
        return chain;
    }

    /** What a step costs for this recipient (unpriced: after every priced one). */
    public BigDecimal price(Step step, String phone, int smsSegments) {
        BigDecimal cost = this.prices.apply(step.step().sender(), phone)
            .costOf(step.channel().billedUnits(smsSegments));
        return (cost != null) ? cost : BigDecimal.valueOf(Long.MAX_VALUE);
    }

}
