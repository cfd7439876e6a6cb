package org.smscampaign.campaign.launch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.smscampaign.campaign.CascadeForecast;
import org.smscampaign.campaign.cascade.CascadePlan;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.DeliveryRates;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.PriceQuote;
import org.smscampaign.messaging.Prices;
import org.smscampaign.money.Converted;
import org.smscampaign.money.DatedAmount;
import org.smscampaign.money.RateTable;

/**
 * The preflight's cascade figures, summed over the recipients: each recipient's chain as
 * the launch builds it, each step reached with the chance that every earlier step did not
 * deliver, priced by the table for its channel and the recipient's country when it is
 * delivered (WhatsApp and RCS bill delivered messages). Delivery rates of WhatsApp and
 * RCS are learned per country from past messages (with at least {@code minimum-history}
 * of them), else the configured defaults; SMS, the last resort, counts as delivered.
 */
final class CascadeForecaster {

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final CascadePlan plan;

    private final Map<Channel, Map<String, DeliveryRates.Rate>> learned;

    private final MessagingProperties.Reachability settings;

    private final Prices prices;

    private final String smsSender;

    private BigDecimal expected = BigDecimal.ZERO;

    private BigDecimal smsOnly = BigDecimal.ZERO;

    private final Map<Integer, Tally> channels = new TreeMap<>();

    private final Map<String, Tally> countries = new TreeMap<>();

    /** Running sums of a channel, or of a channel in a country. */
    private static final class Tally {

        int first;

        int inChain;

        BigDecimal sent = BigDecimal.ZERO;

        BigDecimal delivered = BigDecimal.ZERO;

        BigDecimal cost = BigDecimal.ZERO;

        Rate rate;

        BigDecimal unitPrice;

    }

    /** A delivery rate and where it comes from. */
    private record Rate(BigDecimal share, String source, long history) {

    }

    CascadeForecaster(CascadePlan plan, String smsSender, Map<Channel, Map<String, DeliveryRates.Rate>> learned,
            MessagingProperties.Reachability settings, Prices prices) {
        this.plan = plan;
        this.smsSender = smsSender;
        this.learned = learned;
        this.settings = settings;
        this.prices = prices;
    }

    /** Adds one recipient who gets the campaign. */
    void add(String phone, Set<Channel> unreachable, boolean whatsAppConsent, Channel preferred, int smsSegments) {
        List<CascadePlan.Step> chain = this.plan.chain(phone, unreachable, whatsAppConsent, preferred, smsSegments);
        PriceQuote sms = this.prices.quote(this.smsSender, phone);
        if (sms.perSegment() != null) {
            this.smsOnly = this.smsOnly.add(sms.costOf(smsSegments));
        }
        String country = (sms.country() != null) ? sms.country() : "unknown";
        BigDecimal reached = BigDecimal.ONE;
        for (int i = 0; i < chain.size(); i++) {
            CascadePlan.Step step = chain.get(i);
            PriceQuote quote = this.prices.quote(step.step().sender(), phone);
            BigDecimal price = (quote.perSegment() != null) ? quote.costOf(step.channel().billedUnits(smsSegments))
                    : BigDecimal.ZERO;
            Rate rate = rate(step.channel(), country);
            // WhatsApp and RCS bill a delivered message; one that cannot reach the number
            // (63003) costs nothing. SMS bills what goes out (d = 1 here anyway).
            BigDecimal cost = reached.multiply(rate.share(), MATH).multiply(price, MATH);
            this.expected = this.expected.add(cost);
            Tally channel = this.channels.computeIfAbsent(step.index(), (k) -> new Tally());
            Tally inCountry = this.countries.computeIfAbsent(country + '\u0000' + step.index(), (k) -> new Tally());
            for (Tally tally : List.of(channel, inCountry)) {
                tally.first += (i == 0) ? 1 : 0;
                tally.inChain++;
                tally.sent = tally.sent.add(reached);
                tally.delivered = tally.delivered.add(reached.multiply(rate.share(), MATH));
                tally.cost = tally.cost.add(cost);
            }
            inCountry.rate = rate;
            inCountry.unitPrice = quote.perSegment();
            reached = reached.multiply(BigDecimal.ONE.subtract(rate.share()), MATH);
        }
    }

    private Rate rate(Channel channel, String country) {
        if (channel == Channel.SMS) {
            return new Rate(BigDecimal.ONE, "ASSUMED", 0);
        }
        DeliveryRates.Rate past = this.learned.getOrDefault(channel, Map.of())
            .get(country.equals("unknown") ? "" : country);
        if (past != null && past.sent() >= this.settings.minimumHistory()) {
            return new Rate(BigDecimal.valueOf(past.share()), "LEARNED", past.sent());
        }
        double share = (channel == Channel.WHATSAPP) ? this.settings.defaultWhatsAppShare()
                : this.settings.defaultRcsShare();
        return new Rate(BigDecimal.valueOf(share), "DEFAULT", (past != null) ? past.sent() : 0);
    }

    /** The forecast, in the reporting currency when a rate converts the table's. */
    CascadeForecast result(String order, RateTable rates, Instant now) {
        String table = this.prices.currency();
        BigDecimal factor = factor(rates, now);
        String currency = (factor != null) ? rates.currency() : table;
        BigDecimal scale = (factor != null) ? factor : BigDecimal.ONE;
        BigDecimal expectedCost = money(this.expected.multiply(scale));
        BigDecimal smsOnlyCost = money(this.smsOnly.multiply(scale));
        BigDecimal savings = smsOnlyCost.subtract(expectedCost);
        BigDecimal percent = (smsOnlyCost.signum() > 0)
                ? savings.multiply(BigDecimal.valueOf(100)).divide(smsOnlyCost, 1, RoundingMode.HALF_UP) : null;
        List<CascadeForecast.ChannelForecast> byChannel = new ArrayList<>();
        this.channels.forEach((index, tally) -> {
            CascadePlan.Step step = this.plan.listed().get(index);
            byChannel.add(new CascadeForecast.ChannelForecast(step.channel().name(), step.step().sender(), tally.first,
                    tally.inChain, count(tally.sent), count(tally.delivered), money(tally.cost.multiply(scale))));
        });
        byChannel.sort(Comparator.comparingInt(CascadeForecast.ChannelForecast::firstChoice).reversed());
        List<CascadeForecast.CountryForecast> byCountry = new ArrayList<>();
        Map<String, Tally> sorted = new LinkedHashMap<>(this.countries);
        sorted.forEach((key, tally) -> {
            String[] parts = key.split("\u0000");
            CascadePlan.Step step = this.plan.listed().get(Integer.parseInt(parts[1]));
            byCountry.add(new CascadeForecast.CountryForecast(parts[0], step.channel().name(), tally.inChain,
                    count(tally.sent),
                    tally.rate.share().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP),
                    tally.rate.source(), tally.rate.history(), tally.unitPrice, table,
                    money(tally.cost.multiply(scale))));
        });
        return new CascadeForecast(order, expectedCost, smsOnlyCost, savings, percent, currency, byChannel, byCountry);
    }

    private BigDecimal factor(RateTable rates, Instant now) {
        Converted one = rates.convert(List.of(new DatedAmount(now, this.prices.currency(), BigDecimal.ONE, 1)));
        return one.unconverted().isEmpty() ? one.total() : null;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal count(BigDecimal people) {
        return people.setScale(1, RoundingMode.HALF_UP);
    }

}
