package org.smscampaign.link;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's click and conversion figures, as last recomputed from its hits (see
 * {@code docs/metrics.md} for each definition).
 *
 * @param hours per variant and hour
 * @param revenue the value of attributed conversions per variant, hour and currency
 * @param excluded hits not counted as a person's, by reason
 * @param targets per destination of the campaign's links
 * @param delays unique human clickers by whole hours from delivery to their first human
 * hit (48 stands for 48 or more; null when the delivery time is unknown)
 * @param refreshedAt when the figures were recomputed, or null if never
 */
public record ClickFigures(long campaignId, List<Hour> hours, List<Revenue> revenue, List<Excluded> excluded,
        List<Target> targets, List<Delay> delays, Instant refreshedAt) {

    /**
     * One hour of one variant.
     *
     * @param clickers links first hit in this hour (sum over hours: unique clickers)
     * @param humanClickers links first hit by a person in this hour (sum: unique human
     * clickers)
     */
    public record Hour(String variant, Instant hour, long hits, long humanHits, long clickers, long humanClickers,
            long conversions) {

    }

    /**
     * The value of one variant's attributed conversions that occurred in one hour, in one
     * currency (as reported: never added across currencies here).
     *
     * @param conversions those of the conversions that carried a value in this currency
     */
    public record Revenue(String variant, Instant hour, String currency, long conversions, BigDecimal amount) {

    }

    public record Excluded(ClickReason reason, long hits) {

    }

    public record Target(String target, long hits, long humanClickers) {

    }

    public record Delay(Integer hours, long humanClickers) {

    }

}
