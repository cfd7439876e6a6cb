package org.smscampaign.campaign.launch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smscampaign.campaign.Preflight;
import org.smscampaign.messaging.PriceQuote;
import org.smscampaign.messaging.Prices;
import org.smscampaign.money.Converted;
import org.smscampaign.money.DatedAmount;
import org.smscampaign.money.RateTable;

/**
 * The preflight's cost: every recipient's message priced as the gateway will price it
 * once queued (the price table for its channel and destination country, else the table's
 * price for other countries, else the sender's own), converted into the reporting
 * currency at today's rate, with a word on every recipient priced by a fallback.
 */
final class CostEstimate {

    private final Prices prices;

    private final String sender;

    private BigDecimal total = BigDecimal.ZERO;

    private final Map<PriceQuote.Source, Integer> recipients = new EnumMap<>(PriceQuote.Source.class);

    private final Map<PriceQuote.Source, Set<String>> countries = new EnumMap<>(PriceQuote.Source.class);

    private BigDecimal senderPrice;

    CostEstimate(Prices prices, String sender) {
        this.prices = prices;
        this.sender = sender;
    }

    void add(String number, int segments) {
        PriceQuote quote = this.prices.quote(this.sender, number);
        this.recipients.merge(quote.source(), 1, Integer::sum);
        this.countries.computeIfAbsent(quote.source(), (s) -> new TreeSet<>())
            .add((quote.country() != null) ? quote.country() : "unknown");
        if (quote.perSegment() != null) {
            this.total = this.total.add(quote.costOf(segments));
        }
        if (quote.source() == PriceQuote.Source.SENDER) {
            this.senderPrice = quote.perSegment();
        }
    }

    /**
     * The estimate in the reporting currency, or in the table's when no rate converts it.
     */
    Amount amount(RateTable rates, Instant now) {
        Converted converted = rates.convert(List.of(new DatedAmount(now, this.prices.currency(), this.total, 1)));
        return converted.unconverted().isEmpty()
                ? new Amount(converted.total().setScale(2, RoundingMode.HALF_UP), rates.currency())
                : new Amount(this.total.setScale(2, RoundingMode.HALF_UP), this.prices.currency());
    }

    /** An amount and its currency. */
    record Amount(BigDecimal value, String currency) {

    }

    void warnings(List<Preflight.Warning> warnings, RateTable rates, Instant now) {
        int other = this.recipients.getOrDefault(PriceQuote.Source.OTHER_COUNTRIES, 0);
        if (other > 0) {
            warnings.add(new Preflight.Warning("PRICE_FOR_OTHER_COUNTRIES",
                    other + " recipients are in countries without a price of their own in the price table ("
                            + String.join(", ", this.countries.get(PriceQuote.Source.OTHER_COUNTRIES))
                            + "): priced at the table's price for other countries."));
        }
        int bySender = this.recipients.getOrDefault(PriceQuote.Source.SENDER, 0);
        if (bySender > 0) {
            warnings.add(new Preflight.Warning("PRICE_FROM_SENDER",
                    bySender + " recipients are in countries the price table has no price for ("
                            + String.join(", ", this.countries.get(PriceQuote.Source.SENDER))
                            + "): priced at the sender's " + "own price of " + this.senderPrice.toPlainString() + " "
                            + this.prices.currency() + " per segment."));
        }
        int none = this.recipients.getOrDefault(PriceQuote.Source.NONE, 0);
        if (none > 0) {
            warnings.add(new Preflight.Warning("NO_PRICE", none + " recipients cannot be priced ("
                    + String.join(", ", this.countries.get(PriceQuote.Source.NONE))
                    + "): neither the price table nor the sender has a price; their cost stays unknown until the "
                    + "provider states it."));
        }
        String tableCurrency = this.prices.currency();
        if (rates.rate(tableCurrency, now.atZone(java.time.ZoneOffset.UTC).toLocalDate()) == null) {
            warnings.add(new Preflight.Warning("NO_EXCHANGE_RATE",
                    "The price table is in " + tableCurrency + " and no exchange rate into " + rates.currency()
                            + " is set for today (Admin › Exchange rates): " + "the estimate is in " + tableCurrency
                            + "."));
        }
    }

}
