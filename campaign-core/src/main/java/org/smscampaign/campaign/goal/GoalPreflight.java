package org.smscampaign.campaign.goal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.Preflight;

/**
 * Measurability of a draft's goals, as the preflight shows it: errors that stop the
 * launch (a goal met by definition, a click goal without a tracked link) and warnings (no
 * conversion ever arrived for the brand, a window shorter than the sending).
 */
public final class GoalPreflight {

    /** Where the setup steps are written out. */
    public static final String CONVERSION_DOCS = "README.md#goals-that-decide (Measuring conversions)";

    private GoalPreflight() {
    }

    /**
     * @param conversionsArrived whether any conversion ever arrived for the brand (asked
     * only when a goal needs conversions)
     * @param sending from the first message's due time to the last's
     */
    public static List<Preflight.Warning> check(CampaignDraft draft, BooleanSupplier conversionsArrived,
            Duration sending) {
        List<Preflight.Warning> warnings = new ArrayList<>();
        for (CampaignDraft.Goal goal : draft.goals()) {
            String pointless = GoalChecks.pointless(goal);
            if (pointless != null) {
                warnings.add(new Preflight.Warning("GOAL_MET_BY_DEFINITION",
                        pointless + " Change the target; the campaign cannot be launched with it."));
            }
        }
        if (!GoalChecks.hasTrackedLink(draft)) {
            draft.goals()
                .stream()
                .filter((g) -> g.metric().needsClicks())
                .findFirst()
                .ifPresent((g) -> warnings.add(new Preflight.Warning("GOAL_NOT_MEASURABLE",
                        "The goal " + g.label()
                                + " counts clicks, but no text carries a tracked link: add {{link:https://...}} to the "
                                + "message, or choose another goal. The campaign cannot be launched with it.")));
        }
        List<String> needConversions = draft.goals()
            .stream()
            .filter((g) -> g.metric().needsConversions())
            .map(CampaignDraft.Goal::label)
            .distinct()
            .toList();
        if (!needConversions.isEmpty() && !conversionsArrived.getAsBoolean()) {
            warnings.add(new Preflight.Warning("GOAL_NO_CONVERSIONS", "No conversion has ever arrived for this "
                    + "brand, so " + String.join(", ", needConversions) + " would stay at zero. Set up conversion "
                    + "tracking before launch: (1) an admin creates an API key with the conversions:write scope; "
                    + "(2) the shop's server posts each order to POST /api/v1/conversions with the smsclid from "
                    + "the landing URL, the event, value and order id, or the landing page loads /t/sms.js; "
                    + "(3) send a test order and check it on the link's page. Steps: " + CONVERSION_DOCS + "."));
        }
        Duration window = Duration.ofDays(draft.evaluationDays());
        if (sending.compareTo(window) > 0) {
            warnings.add(new Preflight.Warning("GOAL_WINDOW_SHORT",
                    "The goals are judged " + draft.evaluationDays() + " day(s) after launch, but sending takes "
                            + describe(sending) + ": the last recipients would have little or no time to respond "
                            + "before the verdict. Lengthen the evaluation window."));
        }
        return warnings;
    }

    private static String describe(Duration duration) {
        long hours = duration.toHours();
        return (hours >= 48) ? (hours / 24) + " days" : hours + " hours";
    }

}
