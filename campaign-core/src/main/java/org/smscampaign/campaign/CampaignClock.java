package org.smscampaign.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.launch.AbTestReferee;
import org.smscampaign.campaign.launch.LaunchRunner;
import org.smscampaign.campaign.store.CampaignStore;
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
 * first message comes due; the A/B test is looked at on every tick and its winner (or the
 * fallback rule) goes to the rest (AbTestReferee); a campaign whose messages are all done
 * completes; one the gateway paused (an error storm) shows as paused with the reason; an
 * interrupted launch resumes at start.
 */
@Component
class CampaignClock {

    private static final Logger log = LoggerFactory.getLogger(CampaignClock.class);

    private static final String SYSTEM = "platform";

    private final CampaignStore store;

    private final LaunchRunner launches;

    private final MessageGateway gateway;

    private final AbTestReferee referee;

    private final Clock clock;

    CampaignClock(CampaignStore store, LaunchRunner launches, MessageGateway gateway, AbTestReferee referee,
            Clock clock) {
        this.store = store;
        this.launches = launches;
        this.gateway = gateway;
        this.referee = referee;
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
            // A sequential test: looking on every tick keeps it valid.
            this.referee.look(campaign, now);
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

}
