package org.smscampaign.campaign.launch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.window.RecipientWindows;
import org.smscampaign.messaging.SendWindow;

/**
 * What a campaign does with each recipient of its audience: holds them out, caps them,
 * keeps them for the A/B winner, skips them (outside their hours with a skipping
 * campaign), or sends them a variant at a due time in their allowed hours. Deterministic
 * per contact, so preflight, launch and a resumed launch agree.
 */
final class Recipients {

    /** What happens to one recipient. */
    enum Role {

        SEND, HOLDOUT, CAPPED, WAITING, OUTSIDE

    }

    /**
     * @param deferred the scheduled moment was outside the allowed hours: due at their
     * opening
     */
    record Decision(Role role, String variant, Instant due, SendWindow window, boolean deferred) {

    }

    private final long campaignId;

    private final CampaignDraft draft;

    private final RecipientWindows windows;

    private final long[] capped;

    private final Instant launchTime;

    private final int[] cumulativeSplits;

    private final java.util.Map<String, RecipientWindows.Rule> rules = new java.util.concurrent.ConcurrentHashMap<>();

    Recipients(long campaignId, CampaignDraft draft, RecipientWindows windows, long[] capped, Instant launchTime) {
        this.campaignId = campaignId;
        this.draft = draft;
        this.windows = windows;
        this.capped = capped;
        this.launchTime = launchTime;
        List<CampaignDraft.Variant> variants = draft.variants();
        this.cumulativeSplits = new int[variants.size()];
        int total = variants.stream().mapToInt(CampaignDraft.Variant::split).sum();
        int sum = 0;
        for (int i = 0; i < variants.size(); i++) {
            sum += (total > 0) ? variants.get(i).split() : 100 / variants.size();
            this.cumulativeSplits[i] = sum;
        }
        this.cumulativeSplits[variants.size() - 1] = Math.max(sum, (total > 0) ? total : 100);
    }

    /** A number in 0..99 for this contact, different for each purpose. */
    private int bucket(long contactId, int purpose) {
        long h = (contactId * 0x9E3779B97F4A7C15L) ^ (this.campaignId * 0xC2B2AE3D27D4EB4FL)
                ^ (purpose * 0x165667B19E3779F9L);
        h ^= (h >>> 33);
        h *= 0xFF51AFD7ED558CCDL;
        h ^= (h >>> 33);
        return (int) Math.floorMod(h, 100L);
    }

    /** The variant of a contact, by the splits. */
    String variantOf(long contactId) {
        int total = this.cumulativeSplits[this.cumulativeSplits.length - 1];
        int point = Math.floorMod(bucket(contactId, 3), Math.max(1, total));
        for (int i = 0; i < this.cumulativeSplits.length; i++) {
            if (point < this.cumulativeSplits[i]) {
                return this.draft.variants().get(i).label();
            }
        }
        return this.draft.variants().get(this.draft.variants().size() - 1).label();
    }

    Decision decide(long contactId, String country, String region, String timeZone, String winner) {
        if (bucket(contactId, 1) < this.draft.holdoutPercent()) {
            return new Decision(Role.HOLDOUT, null, null, null, false);
        }
        if (this.capped.length > 0 && Arrays.binarySearch(this.capped, contactId) >= 0) {
            return new Decision(Role.CAPPED, null, null, null, false);
        }
        String variant = (winner != null) ? winner : variantOf(contactId);
        if (winner == null && this.draft.winner() != null
                && bucket(contactId, 2) >= this.draft.winner().testPercent()) {
            return new Decision(Role.WAITING, null, null, null, false);
        }
        // Rules repeat for every contact of a country, region and zone: resolved once
        // each.
        String key = country + '\u0000' + region + '\u0000' + timeZone;
        RecipientWindows.Rule rule = this.rules.computeIfAbsent(key,
                (k) -> this.windows.ruleFor(country, region, zone(timeZone), this.draft.windowPolicy()));
        ZoneId zone = rule.window().zone();
        Instant scheduled = scheduled(zone);
        Instant due = this.windows.due(rule, scheduled);
        if (due == null) {
            return new Decision(Role.OUTSIDE, variant, null, rule.window(), false);
        }
        return new Decision(Role.SEND, variant, due, rule.window(), !due.equals(scheduled));
    }

    private Instant scheduled(ZoneId zone) {
        CampaignDraft.Schedule schedule = this.draft.schedule();
        return switch (schedule.type()) {
            case NOW -> this.launchTime;
            case AT -> (schedule.at().isAfter(this.launchTime)) ? schedule.at() : this.launchTime;
            case LOCAL_TIME -> {
                Instant local = RecipientWindows.localMoment(schedule.localDate(), schedule.localTime(), zone);
                yield local.isAfter(this.launchTime) ? local : this.launchTime;
            }
        };
    }

    static ZoneId zone(String timeZone) {
        try {
            return (timeZone != null && !timeZone.isBlank()) ? ZoneId.of(timeZone) : ZoneId.of("UTC");
        }
        catch (java.time.DateTimeException ex) {
            return ZoneId.of("UTC");
        }
    }

}
