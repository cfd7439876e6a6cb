package org.smscampaign.web.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.messaging.MessageStatus;

/**
 * The questions asked before a launch or a cancellation, in the words of the figures the
 * campaign page shows: who gets it, what it costs, when the last one goes out; what a
 * cancellation stops.
 */
final class Confirmations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Confirmations() {
    }

    /** A question, and the label of the button that answers yes. */
    record Question(String title, String text, String yes) {

    }

    /**
     * "Send to 2,269 people in VIP, Berlin for 134.72 USD, last one out at 19:16 UTC?"
     * @param segmentNames names of segments by id
     * @param listNames names of lists by id
     */
    static Question launch(CampaignView campaign, Preflight preflight, Map<Long, String> segmentNames,
            Map<Long, String> listNames, Instant now) {
        StringBuilder text = new StringBuilder("Send to ").append(people(preflight.recipients()));
        String audience = audience(campaign.draft().audience(), segmentNames, listNames);
        text.append(campaign.draft().audience().everyone() ? " (" + audience + ")" : " in " + audience);
        text.append(" for ").append(money(preflight.estimatedCost())).append(' ').append(preflight.currency());
        if (preflight.completesAt() != null) {
            text.append(", last one out at ").append(moment(preflight.completesAt(), now));
        }
        text.append('?');
        return new Question("Launch " + campaign.name() + "?", text.toString(), "Yes, launch it");
    }

    /** "Cancel campaign X? 1,234 messages not yet sent will not go out." */
    static Question cancel(CampaignView campaign, Map<MessageStatus, Long> counts) {
        String text = "Cancel campaign " + campaign.name() + "? ";
        if (campaign.launch() == null) {
            text += "It was never launched: nothing has been sent, and it can no longer be launched.";
        }
        else {
            long waiting = counts.getOrDefault(MessageStatus.QUEUED, 0L)
                    + counts.getOrDefault(MessageStatus.CLAIMED, 0L) + campaign.launch().waiting();
            text += (waiting == 1) ? "1 message not yet sent will not go out."
                    : grouped(waiting) + " messages not yet sent will not go out.";
            text += " What went out stays counted.";
        }
        return new Question("Cancel " + campaign.name() + "?", text, "Yes, cancel the campaign");
    }

    static String people(long count) {
        return (count == 1) ? "1 person" : grouped(count) + " people";
    }

    private static String grouped(long count) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count);
    }

    private static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format((amount != null) ? amount.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO);
    }

    /** The time alone on the same day (UTC), else the date too. */
    private static String moment(Instant at, Instant now) {
        boolean today = LocalDate.ofInstant(at, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return (today ? TIME : DAY_AND_TIME).format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * "VIP, Newsletter, not Churned" or "everyone subscribed, not Churned" (segments and
     * lists alike by name).
     */
    static String audience(CampaignDraft.Audience audience, Map<Long, String> segmentNames,
            Map<Long, String> listNames) {
        List<String> parts = new ArrayList<>();
        if (audience.everyone()) {
            parts.add("everyone subscribed");
        }
        else {
            audience.segments().forEach((id) -> parts.add(segmentNames.getOrDefault(id, "segment " + id)));
            audience.lists().forEach((id) -> parts.add(listNames.getOrDefault(id, "list " + id)));
        }
        audience.excludedSegments().forEach((id) -> parts.add("not " + segmentNames.getOrDefault(id, "segment " + id)));
        audience.excludedLists().forEach((id) -> parts.add("not " + listNames.getOrDefault(id, "list " + id)));
        return String.join(", ", parts);
    }

}
