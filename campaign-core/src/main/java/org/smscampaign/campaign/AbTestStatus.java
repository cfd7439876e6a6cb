package org.smscampaign.campaign;

import java.time.Instant;
import java.util.List;

/**
 * Where a campaign's A/B test stands: each variant's figures and always-valid p-value at
 * the clock's latest look, and how the test ended.
 *
 * @param outcome null while testing; else SIGNIFICANT, or the fallback rule that applied
 * (SEND_CONTROL, SEND_HIGHER_RATE, STOP)
 * @param explanation what happened and why, as the event log says it
 */
public record AbTestStatus(String outcome, String explanation, Instant decidedAt, List<VariantLook> variants) {

    public AbTestStatus {
        variants = (variants != null) ? List.copyOf(variants) : List.of();
    }

    /** The latest look at one variant; the control has no p-value of its own. */
    public record VariantLook(String variant, long delivered, long successes, Double alwaysValidP, Instant lookedAt) {

    }

    /** The latest look at a variant, or null before the first. */
    public VariantLook look(String variant) {
        return this.variants.stream().filter((v) -> v.variant().equals(variant)).findFirst().orElse(null);
    }

}
