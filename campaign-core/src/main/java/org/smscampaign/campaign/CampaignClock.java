package org.smscampaign.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.launch.LaunchRunner;
import org.smscampaign.campaign.store.CampaignStore;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.SendingPaused;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens to launched campaigns by itself: a scheduled one starts sending when its
 * first message comes due; the A/B test's winner is chosen when the test ends and sent to
 * the rest; a campaign whose messages are all done completes; one the gateway paused (an
 * error storm) shows as paused with the reason; an interrupted launch resumes at start.
 */
@Component
class CampaignClock {

    private static final Logger log = LoggerFactory.getLogger(CampaignClock.class);

    private static final String SYSTEM = "platform";

    private final CampaignStore store;

    private final LaunchRunner launches;

    private final MessageGateway gateway;

    private final ShortLinks links;

    private final Conversions conversions;

    private final Clock clock;

    CampaignClock(CampaignStore store, LaunchRunner launches, MessageGateway gateway, ShortLinks links,
            Conversions conversions, Clock clock) {
        this.store = store;
        this.launches = launches;
        this.gateway = gateway;
        this.links = links;
        this.conversions = conversions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedLaunches() {
        // Also on every tick: a launch that failed (the database away) is tried again.
        for (long id : this.store.unfinishedLaunches()) {
            log.info("Resuming the launch of campaign {}", id);
            this.launches.submit(id);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void pausedByGateway(SendingPaused event) {
        this.store.status(event.campaignId())
            .filter((status) -> status.mayBecome(CampaignStatus.PAUSED))
            .ifPresent((status) -> this.store.transition(event.campaignId(), status, CampaignStatus.PAUSED, event.by(),
                    event.reason()));
    }

    @Scheduled(fixedDelayString = "${sms.campaign.clock-interval:5s}")
    void tick() {
        Instant now = this.clock.instant();
        this.store.unfinishedLaunches().forEach(this.launches::submit);
        for (long id : this.store.idsIn(CampaignStatus.SCHEDULED)) {
            this.store.find(id, null)
                .filter((c) -> c.launch() != null && c.launch().firstDueAt() != null
                        && !c.launch().firstDueAt().isAfter(now))
                .ifPresent((c) -> this.store.transition(id, CampaignStatus.SCHEDULED, CampaignStatus.SENDING, SYSTEM,
                        "the first message came due"));
        }
        for (long id : this.store.idsIn(CampaignStatus.SENDING)) {
            this.store.find(id, null).ifPresent((campaign) -> progress(campaign, now));
        }
    }

    private void progress(CampaignView campaign, Instant now) {
        CampaignView.Launch launch = campaign.launch();
        if (launch == null || !launch.finished()) {
            return;
        }
        CampaignDraft.Winner winner = campaign.draft().winner();
        if (winner != null && launch.waiting() > 0 && campaign.winnerVariant() == null) {
            Instant testEnds = (launch.firstDueAt() != null ? launch.firstDueAt() : launch.at())
                .plus(Duration.ofHours(winner.testHours()));
            if (!now.isBefore(testEnds)) {
                chooseWinner(campaign, winner);
            }
            return;
        }
        Map<MessageStatus, Long> counts = this.gateway.countsOfCampaign(campaign.id());
        long open = counts.entrySet()
            .stream()
            .filter((e) -> !e.getKey().terminal() && e.getKey() != MessageStatus.ACCEPTED
                    && e.getKey() != MessageStatus.SENT)
            .mapToLong(Map.Entry::getValue)
            .sum();
        if (open == 0 && launch.waiting() == 0) {
            this.store.transition(campaign.id(), CampaignStatus.SENDING, CampaignStatus.COMPLETED, SYSTEM,
                    "every message went out");
        }
    }

    /**
     * Picks the variant with the best human CTR (or conversions) per delivered message.
     */
    private void chooseWinner(CampaignView campaign, CampaignDraft.Winner winner) {
        Map<String, Map<MessageStatus, Long>> byVariant = this.gateway.countsOfCampaignByVariant(campaign.id());
        Map<String, Long> clickers = this.links.humanClickersByVariant(campaign.id());
        Map<String, long[]> converted = this.conversions.countsByVariant(campaign.id());
        String best = null;
        double bestScore = -1;
        StringBuilder scores = new StringBuilder();
        for (CampaignDraft.Variant variant : campaign.draft().variants()) {
            long delivered = byVariant.getOrDefault(variant.label(), Map.of())
                .getOrDefault(MessageStatus.DELIVERED, 0L);
            long hits = (winner.metric() == CampaignDraft.WinnerMetric.CONVERSIONS)
                    ? converted.getOrDefault(variant.label(), new long[2])[0]
                    : clickers.getOrDefault(variant.label(), 0L);
            double score = (delivered > 0) ? (double) hits / delivered : 0;
            scores.append(String.format("%s %.2f%% of %d; ", variant.label(), score * 100, delivered));
            if (score > bestScore) {
                bestScore = score;
                best = variant.label();
            }
        }
        int chosen = this.store.chooseWinner(campaign.id(), best);
        if (chosen == 1) {
            this.store.event(campaign.id(), "WINNER", null, null, "Variant " + best + " won on "
                    + winner.metric().name().toLowerCase().replace('_', ' ') + " per delivered message: " + scores,
                    "A/B test");
            log.info("Campaign {}: variant {} won the A/B test", campaign.id(), best);
            this.launches.submitWinner(campaign.id(), best);
        }
    }

}
