package org.smscampaign.campaign.coupon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.template.MessageTemplate;

import org.springframework.stereotype.Component;

/**
 * Whether a draft's coupon settings and texts fit: {@code {{coupon}}} needs codes, a
 * pattern must be hard to guess, and a pool must hold a code for everyone the audience
 * reaches (the preflight warns, the launch refuses).
 */
@Component
public class CouponChecks {

    /** The merge field that takes each recipient's code. */
    public static final String FIELD = "coupon";

    private final CouponStore store;

    CouponChecks(CouponStore store) {
        this.store = store;
    }

    /** Why a draft's coupon settings or texts cannot be saved; empty when they can. */
    public List<String> errors(CampaignDraft draft) {
        List<String> errors = new ArrayList<>();
        CampaignDraft.Coupons coupons = draft.coupons();
        if (coupons == null || coupons.source() == null) {
            for (String text : texts(draft)) {
                if (usesCoupon(text)) {
                    errors.add("coupons: the text uses {{coupon}} but the campaign gives no coupon codes; choose "
                            + "under \u201cCoupon codes\u201d whether codes are generated or drawn from a pool.");
                    break;
                }
            }
            return errors;
        }
        if (coupons.source() == CampaignDraft.CouponSource.GENERATED) {
            try {
                CouponPattern pattern = CouponPattern.parse(coupons.pattern());
                if (!pattern.safeFor(1)) {
                    errors.add("coupons.pattern: " + coupons.pattern().toUpperCase(Locale.ROOT) + " makes only "
                            + pattern.combinations() + " codes; a code must be one of at least 1,000,000 per "
                            + "recipient, so add characters in braces.");
                }
            }
            catch (IllegalArgumentException ex) {
                errors.add("coupons.pattern: " + ex.getMessage());
            }
        }
        else if (coupons.poolId() == null || this.store.poolName(coupons.poolId()).isEmpty()) {
            errors.add("coupons.poolId: choose a coupon pool (import one under Coupon pools).");
        }
        return errors;
    }

    /** What stops the launch to this many recipients, if anything. */
    public Optional<Problem> problem(CampaignDraft draft, long recipients) {
        CampaignDraft.Coupons coupons = draft.coupons();
        if (coupons == null || coupons.source() == null) {
            return Optional.empty();
        }
        if (coupons.source() == CampaignDraft.CouponSource.POOL && coupons.poolId() != null) {
            long left = this.store.left(coupons.poolId());
            if (left < recipients) {
                String name = this.store.poolName(coupons.poolId()).orElse("#" + coupons.poolId());
                return Optional.of(new Problem(true, String.format(Locale.ENGLISH,
                        "The pool \u201c%s\u201d has %,d codes left for %,d recipients.", name, left, recipients)));
            }
            return Optional.empty();
        }
        try {
            CouponPattern pattern = CouponPattern.parse(coupons.pattern());
            if (!pattern.safeFor(recipients)) {
                return Optional.of(new Problem(false,
                        String.format(Locale.ENGLISH,
                                "The coupon pattern %s makes %,d codes: too few for %,d recipients (at least 1,000,000 "
                                        + "per recipient keep codes from being guessed). Add characters in braces.",
                                pattern, pattern.combinations(), recipients)));
            }
        }
        catch (IllegalArgumentException ex) {
            return Optional.of(new Problem(false, "The coupon pattern: " + ex.getMessage()));
        }
        return Optional.empty();
    }

    /** Whether any text of the draft asks for a code. */
    public static boolean anyUse(CampaignDraft draft) {
        return texts(draft).stream().anyMatch(CouponChecks::usesCoupon);
    }

    private static List<String> texts(CampaignDraft draft) {
        List<String> texts = new ArrayList<>();
        draft.variants().stream().map(CampaignDraft.Variant::body).forEach(texts::add);
        if (draft.cascade() != null) {
            for (CampaignDraft.CascadeStep step : draft.cascade().steps()) {
                texts.add(step.body());
                if (step.template() != null) {
                    texts.addAll(step.template().variables().values());
                }
            }
        }
        return texts;
    }

    private static boolean usesCoupon(String text) {
        if (text == null) {
            return false;
        }
        try {
            return MessageTemplate.parse(text).fields().contains(FIELD);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * What stops a launch.
     *
     * @param poolShort the pool has too few codes (else the pattern is too weak)
     */
    public record Problem(boolean poolShort, String message) {

    }

}
