package org.smscampaign.campaign.cascade;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.PriceQuote;
import org.smscampaign.messaging.SendWindow;

import static org.assertj.core.api.Assertions.assertThat;

/** Each recipient's chain: reachability, WhatsApp consent, preference, cheapest first. */
class CascadePlanTest {

    private static final MessagingProperties.Pricing PRICES = new MessagingProperties.Pricing("USD", null, null);

    private static final MessagingProperties MESSAGING = new MessagingProperties(null, null,
            Map.of("default", sender(Channel.SMS), "whatsapp", sender(Channel.WHATSAPP), "rcs", sender(Channel.RCS)),
            null, null, null, null, null, null, null, null);

    private static final String US = "+12127361234";

    private static final String DE = "+4917612345678";

    private static MessagingProperties.Sender sender(Channel channel) {
        return new MessagingProperties.Sender(null, null, channel, 10, 0, 8, null);
    }

    /** The built-in list prices, by the number's calling code (+1 US, +49 DE). */
    private static PriceQuote quote(String sender, String number) {
        Channel channel = MESSAGING.senders().get(sender).channel();
        String country = number.startsWith("+1") ? "US" : "DE";
        BigDecimal price = PRICES.prices()
            .stream()
            .filter((p) -> p.channel() == channel && country.equals(p.country()))
            .findFirst()
            .orElseThrow()
            .perSegment();
        return new PriceQuote(country, price, "USD", PriceQuote.Source.COUNTRY);
    }

    private static CascadePlan plan(CampaignDraft.CascadeOrder order) {
        CampaignDraft draft = new CampaignDraft("Plan", "default", null, null,
                List.of(new CampaignDraft.Variant("A", "Hi", 100)), null, SendWindow.Policy.HOLD, true, null, 0, null,
                null, 7, 7, null,
                new CampaignDraft.Cascade(order,
                        List.of(new CampaignDraft.CascadeStep("whatsapp", 60, null, null,
                                new CampaignDraft.StepTemplate("HX1", Map.of("1", "{{first_name|there}}"))),
                                new CampaignDraft.CascadeStep("rcs", 60, null, null, null),
                                new CampaignDraft.CascadeStep("default", 60, null, null, null))));
        return new CascadePlan(draft, MESSAGING, CascadePlanTest::quote);
    }

    private static List<Channel> channels(List<CascadePlan.Step> chain) {
        return chain.stream().map(CascadePlan.Step::channel).toList();
    }

    @Test
    void asListedForSomeoneReachableEverywhereWhoOptedInToWhatsApp() {
        assertThat(channels(plan(CampaignDraft.CascadeOrder.MANUAL).chain(DE, Set.of(), true, null, 1)))
            .containsExactly(Channel.WHATSAPP, Channel.RCS, Channel.SMS);
    }

    @Test
    void leavesOutWhatTheNumberIsUnreachableOnAndWhatsAppWithoutItsOptIn() {
        CascadePlan plan = plan(CampaignDraft.CascadeOrder.MANUAL);

        assertThat(channels(plan.chain(DE, EnumSet.of(Channel.WHATSAPP), true, null, 1))).containsExactly(Channel.RCS,
                Channel.SMS);
        assertThat(channels(plan.chain(DE, Set.of(), false, null, 1))).containsExactly(Channel.RCS, Channel.SMS);
        assertThat(channels(plan.chain(DE, EnumSet.of(Channel.RCS), false, null, 1)))
            .as("SMS stays when nothing else is left")
            .containsExactly(Channel.SMS);
    }

    @Test
    void triesThePreferredChannelFirst() {
        assertThat(channels(plan(CampaignDraft.CascadeOrder.MANUAL).chain(DE, Set.of(), true, Channel.RCS, 1)))
            .containsExactly(Channel.RCS, Channel.WHATSAPP, Channel.SMS);
        assertThat(channels(plan(CampaignDraft.CascadeOrder.CHEAPEST).chain(US, Set.of(), true, Channel.WHATSAPP, 1)))
            .as("a preference goes before the price")
            .startsWith(Channel.WHATSAPP);
        assertThat(channels(plan(CampaignDraft.CascadeOrder.MANUAL).chain(DE, Set.of(), false, Channel.WHATSAPP, 1)))
            .as("a preferred channel left out stays out")
            .containsExactly(Channel.RCS, Channel.SMS);
    }

    @Test
    void cheapestFirstByTheRecipientsCountry() {
        CascadePlan plan = plan(CampaignDraft.CascadeOrder.CHEAPEST);

        // US: SMS 0.0079 a segment, RCS 0.0083, WhatsApp 0.0190 a message.
        assertThat(channels(plan.chain(US, Set.of(), true, null, 1))).containsExactly(Channel.SMS, Channel.RCS,
                Channel.WHATSAPP);
        // Two segments make SMS 0.0158: RCS is cheaper then.
        assertThat(channels(plan.chain(US, Set.of(), true, null, 2))).containsExactly(Channel.RCS, Channel.SMS,
                Channel.WHATSAPP);
        // DE: RCS 0.0500, WhatsApp 0.0600, SMS 0.0865.
        assertThat(channels(plan.chain(DE, Set.of(), true, null, 1))).containsExactly(Channel.RCS, Channel.WHATSAPP,
                Channel.SMS);
    }

}
