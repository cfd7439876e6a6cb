package org.smscampaign.messaging;

import java.math.BigDecimal;

/**
 * What one segment to a destination costs on a channel, and where that price comes from.
 *
 * @param country the destination's country (ISO 3166 alpha-2), null when the number tells
 * none
 * @param perSegment the price of one segment, null when nothing prices it
 * @param currency the currency of the price
 */
public record PriceQuote(String country, BigDecimal perSegment, String currency, Source source) {

    /** Where a price comes from, from the most to the least specific. */
    public enum Source {

        /** The price table's row for the destination country. */
        COUNTRY,

        /** The price table's row for every other country. */
        OTHER_COUNTRIES,

        /** The sender's own price: the table has no row for the channel. */
        SENDER,

        /** Nothing prices it: its cost stays unknown until the provider states it. */
        NONE

    }

    /** The cost of a message of that many segments, null when nothing prices it. */
    public BigDecimal costOf(int segments) {
        return (this.perSegment != null) ? this.perSegment.multiply(BigDecimal.valueOf(segments)) : null;
    }

}
