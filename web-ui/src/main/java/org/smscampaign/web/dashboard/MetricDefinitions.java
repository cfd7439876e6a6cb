package org.smscampaign.web.dashboard;

import java.util.Map;

/**
 * The definition of every figure, shown as its tooltip; the same words as
 * docs/metrics.md.
 */
final class MetricDefinitions {

    static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("audience", "Recipients in the audience snapshot taken at launch (subscribed, not suppressed)."),
            Map.entry("holdout",
                    "Recipients kept out on purpose to measure lift: they get no message. Lift: the share of contacts "
                            + "sent a message who converted within the attribution window after launch, minus the "
                            + "share of held-out contacts who did (their conversions reported with their contact id)."),
            Map.entry("capped", "Recipients left out by the frequency cap."),
            Map.entry("waiting", "Recipients waiting for the A/B test's winner."),
            Map.entry("pending", "Messages queued, deferred to the recipient's allowed hours, or being sent."),
            Map.entry("sent", "Messages the provider took: accepted, sent, delivered or undelivered."),
            Map.entry("delivered", "Messages with a delivery receipt."),
            Map.entry("failed", "Messages the provider refused or that failed before the carrier (permanent errors)."),
            Map.entry("undelivered", "Messages the carrier could not deliver."),
            Map.entry("suppressed", "Messages not sent because the number opted out or is suppressed."),
            Map.entry("skipped", "Messages not sent: outside the recipient's allowed hours under the SKIP policy."),
            Map.entry("humanClickers",
                    "Recipients whose link had at least one hit counted as a person's (unique human clicks)."),
            Map.entry("clickers", "Recipients whose link had any hit, bots and previews included (unique raw clicks)."),
            Map.entry("conversions",
                    "Conversions attributed to a click on the campaign's links within its attribution window, to a "
                            + "coupon code it gave, or imported for it."),
            Map.entry("deliveryRate", "Delivered ÷ sent."), Map.entry("humanCtr", "Unique human clickers ÷ delivered."),
            Map.entry("rawCtr", "Unique clickers, bots and previews included ÷ delivered."),
            Map.entry("conversionPerDelivered", "Conversions ÷ delivered."),
            Map.entry("conversionPerClick", "Conversions ÷ unique human clickers."),
            Map.entry("optOut", "Opt-out replies (STOP and the like) attributed to the campaign ÷ delivered."),
            Map.entry("reply",
                    "Texts responding to the campaign (a reply keyword, a question, anything else; not STOP, START "
                            + "or HELP) ÷ delivered."),
            Map.entry("responders",
                    "People (numbers) who sent a text responding to the campaign: a reply keyword, a question or "
                            + "anything else. STOP, START and HELP are not responses."),
            Map.entry("queries", "People who sent a question or request that needs a person (a query)."),
            Map.entry("answered", "People who asked and whose question a person answered from the platform."),
            Map.entry("answerWaiting", "People with a question that nobody has answered yet."),
            Map.entry("respondersConverted",
                    "Responders with a conversion (any campaign's, or none) within the attribution window after "
                            + "their first response."),
            Map.entry("responseRate", "People who responded ÷ delivered."),
            Map.entry("queryRate", "People who asked a question ÷ delivered."),
            Map.entry("answerRate", "People whose question was answered ÷ people who asked."),
            Map.entry("responderConversionRate", "Responders who bought ÷ people who responded."),
            Map.entry("clickerConversionRate",
                    "People who clicked (as a person) with a conversion attributed to the campaign ÷ human clickers."),
            Map.entry("medianFirstAnswer",
                    "Median time from a person's first question to the first answer, over people who were answered."),
            Map.entry("messageCost",
                    "Sum over messages the provider took: the price the provider stated for it, else the price table's "
                            + "price for its channel and destination country × its segments (failed messages: only a "
                            + "stated price); converted into the reporting currency at the rate of the day it was sent."),
            Map.entry("otherCosts",
                    "The campaign's costs besides its messages: fixed (agency fee, creative) once, per conversion "
                            + "(coupon discount, commission) × conversions."),
            Map.entry("cost", "Message cost + other costs."),
            Map.entry("revenue",
                    "Sum of the values of attributed conversions, each converted into the reporting currency at the "
                            + "rate of its day; values without a rate are listed apart, not added."),
            Map.entry("profit", "Revenue − cost."), Map.entry("roi", "(Revenue − cost) ÷ cost."),
            Map.entry("costPerClick", "Cost ÷ unique human clickers."),
            Map.entry("costPerConversion", "Cost ÷ conversions (CPA)."),
            Map.entry("cascadeSavings",
                    "What sending the cascades' recipients everything by SMS would have cost (SMS price of their country × "
                            + "segments), minus what every channel tried for them cost."),
            Map.entry("confidence",
                    "1 − the always-valid p of the variant against the first variant (the control). "
                            + "Not stated before 5 expected clickers per variant."),
            Map.entry("alwaysValidP",
                    "Always-valid p-value of the mSPRT (mixture sequential probability ratio test) against the "
                            + "control: it stays valid however often the results are looked at. The A/B test's "
                            + "winner needs it below 1 − confidence, split between the variants."),
            Map.entry("imported",
                    "Of the conversions, those a marketer uploaded (Import results): counted like the shop's own "
                            + "reports, marked so readers know where they came from."));

    private MetricDefinitions() {
    }

}
