package org.smscampaign.campaign;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a cascade is expected to cost against sending everyone the SMS text
 * (docs/metrics.md, "Cascade preflight"): a recipient's expected cost is the sum over
 * their chain's steps of the chance the step is reached (every earlier step did not
 * deliver) times its price.
 *
 * @param expectedCost the cascade's expected cost
 * @param smsOnlyCost every recipient by SMS: the SMS price of their country times their
 * SMS text's segments
 * @param savings smsOnlyCost - expectedCost
 * @param savingsPercent savings as a share of smsOnlyCost, in percent (null without cost)
 * @param channels by channel, in the order first tried most often
 * @param countries by country and channel: the rate and price assumed
 */
public record CascadeForecast(String order, BigDecimal expectedCost, BigDecimal smsOnlyCost, BigDecimal savings,
        BigDecimal savingsPercent, String currency, List<ChannelForecast> channels, List<CountryForecast> countries) {

    /**
     * One channel of the cascade.
     *
     * @param firstChoice recipients whose chain starts with it
     * @param inChain recipients whose chain has it (after reachability, consent)
     * @param expectedSent recipients expected to get a message on it
     * @param expectedDelivered of those, expected delivered
     */
    public record ChannelForecast(String channel, String sender, int firstChoice, int inChain, BigDecimal expectedSent,
            BigDecimal expectedDelivered, BigDecimal expectedCost) {

    }

    /**
     * One channel in one country: the delivery rate and price assumed.
     *
     * @param country ISO alpha-2, or "unknown"
     * @param deliveryRate the share of messages assumed delivered, in percent
     * @param rateSource LEARNED (from {@code history} past messages) or DEFAULT (fewer
     * than the minimum history); SMS: ASSUMED (its last resort counts as delivered)
     * @param unitPrice the price of one message (SMS: per segment)
     */
    public record CountryForecast(String country, String channel, int inChain, BigDecimal expectedSent,
            BigDecimal deliveryRate, String rateSource, long history, BigDecimal unitPrice, String priceCurrency,
            BigDecimal expectedCost) {

    }

}
