package org.smscampaign.campaign.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.window.RecipientWindowsFixture;
import org.smscampaign.messaging.SendWindow;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a campaign does with each recipient: caps, holdout, splits, A/B test, due times.
 */
class RecipientsTest {

    static final CampaignProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("sms.campaign", CampaignProperties.class);

    // Wednesday 25 November 2026, 12:00 UTC: 13:00 in Berlin, 07:00 in New York.
    static final Instant LAUNCH = Instant.parse("2026-11-25T12:00:00Z");

    private static CampaignDraft draft(int holdout, CampaignDraft.Winner winner, CampaignDraft.Schedule schedule) {
        return new CampaignDraft("Test", "default", null, null,
                List.of(new CampaignDraft.Variant("A", "One", 70), new CampaignDraft.Variant("B", "Two", 30)), schedule,
                SendWindow.Policy.HOLD, true, null, holdout, winner, List.of(), 7, 7, List.of());
    }

    private static Recipients recipients(CampaignDraft draft, long[] capped) {
        return new Recipients(42, draft, RecipientWindowsFixture.windows(PROPERTIES), capped, LAUNCH);
    }

    @Test
    void contactsOverTheFrequencyCapAreCappedAndCounted() {
        Recipients recipients = recipients(draft(0, null, CampaignDraft.Schedule.now()), new long[] { 3, 7, 11 });

        assertThat(recipients.decide(7, "DE", null, "Europe/Berlin", null).role()).isEqualTo(Recipients.Role.CAPPED);
        assertThat(recipients.decide(8, "DE", null, "Europe/Berlin", null).role()).isEqualTo(Recipients.Role.SEND);
    }

    @Test
    void splitsHoldoutAndTheTestShareFollowThePercentagesAndStayTheSameOnASecondLook() {
        Recipients recipients = recipients(draft(10,
                new CampaignDraft.Winner(20, 4, CampaignDraft.WinnerMetric.HUMAN_CTR), CampaignDraft.Schedule.now()),
                new long[0]);
        Map<Recipients.Role, Integer> roles = new EnumMap<>(Recipients.Role.class);
        int variantA = 0;
        for (long contact = 1; contact <= 20_000; contact++) {
            Recipients.Decision decision = recipients.decide(contact, "DE", null, "Europe/Berlin", null);
            roles.merge(decision.role(), 1, Integer::sum);
            if (decision.role() == Recipients.Role.SEND && "A".equals(decision.variant())) {
                variantA++;
            }
            assertThat(recipients.decide(contact, "DE", null, "Europe/Berlin", null)).isEqualTo(decision);
        }
        assertThat(roles.get(Recipients.Role.HOLDOUT)).isBetween(1_800, 2_200);
        // Of the 90% not held out, 20% are tested now and 80% wait for the winner.
        assertThat(roles.get(Recipients.Role.SEND)).isBetween(3_300, 3_900);
        assertThat(roles.get(Recipients.Role.WAITING)).isBetween(13_900, 14_900);
        assertThat((double) variantA / roles.get(Recipients.Role.SEND)).isBetween(0.65, 0.75);
    }

    @Test
    void theWinnerGoesToThoseWhoWaited() {
        Recipients recipients = recipients(draft(0,
                new CampaignDraft.Winner(20, 4, CampaignDraft.WinnerMetric.HUMAN_CTR), CampaignDraft.Schedule.now()),
                new long[0]);
        for (long contact = 1; contact <= 200; contact++) {
            Recipients.Decision decision = recipients.decide(contact, "DE", null, "Europe/Berlin", "B");
            assertThat(decision.role()).isEqualTo(Recipients.Role.SEND);
            assertThat(decision.variant()).isEqualTo("B");
        }
    }

    @Test
    void dueTimesRespectEachRecipientsHours() {
        Recipients now = recipients(draft(0, null, CampaignDraft.Schedule.now()), new long[0]);

        Recipients.Decision berlin = now.decide(1, "DE", null, "Europe/Berlin", null);
        Recipients.Decision newYork = now.decide(1, "US", "NY", "America/New_York", null);

        assertThat(berlin.due()).isEqualTo(LAUNCH);
        assertThat(berlin.deferred()).isFalse();
        assertThat(newYork.due()).as("08:00 in New York").isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
        assertThat(newYork.deferred()).isTrue();

        Recipients local = recipients(draft(0, null, new CampaignDraft.Schedule(CampaignDraft.ScheduleType.LOCAL_TIME,
                null, LocalDate.of(2026, 11, 26), LocalTime.of(9, 30))), new long[0]);
        assertThat(local.decide(1, "DE", null, "Europe/Berlin", null).due())
            .isEqualTo(Instant.parse("2026-11-26T08:30:00Z"));
        assertThat(local.decide(1, "US", "CA", "America/Los_Angeles", null).due())
            .isEqualTo(Instant.parse("2026-11-26T17:30:00Z"));
    }

}
