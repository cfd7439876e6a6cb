package org.smscampaign.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.launch.AbTestReferee;
import org.smscampaign.campaign.launch.LaunchRunner;
import org.smscampaign.campaign.store.CampaignStore;
import org.smscampaign.messaging.CampaignPause;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.SendingPaused;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to launched campaigns by itself: a scheduled one starts sending when its
 * first message comes due; the A/B test is looked at on every tick and its winner (or the
 * fallback rule) goes to the rest (AbTestReferee); a campaign whose messages are all done
 * completes; one the gateway paused (an error storm) shows as paused with the reason; an
 * interrupted launch or winner send resumes at start and on every tick.
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

    private final TransactionTemplate ownTransaction;

    CampaignClock(CampaignStore store, LaunchRunner launches, MessageGateway gateway, AbTestReferee referee,
            Clock clock, TransactionTemplate transactions) {
        this.store = store;
        this.launches = launches;
        this.gateway = gateway;
        this.referee = referee;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedLaunches() {
        // Also on every tick: a launch that failed (the database away) is tried again.
        for (long id : this.store.unfinishedLaunches()) {
            log.info("Resuming the launch of campaign {}", id);
            this.launches.submit(id);
        }
        this.referee.carryOutDecisions();
    }

    /**
     * After the pause commits, in a transaction of its own (writes after a commit
     * otherwise join the finished one and may be lost); a pause whose campaign never
     * heard of it (a crash) is caught up by the tick.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void pausedByGateway(SendingPaused event) {
        this.ownTransaction.executeWithoutResult((status) -> pause(event.campaignId(), event.by(), event.reason()));
    }

    private void pause(long id, String by, String reason) {
        this.store.status(id)
            .filter((status) -> status.mayBecome(CampaignStatus.PAUSED))
            .ifPresent((status) -> this.store.transition(id, status, CampaignStatus.PAUSED, by, reason));
    }

    @Scheduled(fixedDelayString = "${sms.campaign.clock-interval:5s}")
    void tick() {
        Instant now = this.clock.instant();
        this.store.unfinishedLaunches().forEach(this.launches::submit);
        this.referee.carryOutDecisions();
        List<Long> live = new ArrayList<>(this.store.idsIn(CampaignStatus.SCHEDULED));
        live.addAll(this.store.idsIn(CampaignStatus.SENDING));
        // A pause whose campaign never heard of it (a crash after the pause's commit).
        for (CampaignPause open : this.gateway.pausesOf(live)) {
            each(open.campaignId(), (id) -> pause(id, open.by(), open.reason()));
        }
        for (long id : this.store.idsIn(CampaignStatus.SCHEDULED)) {
            each(id, (scheduled) -> this.store.find(scheduled, null)
                .filter((c) -> c.launch() != null && c.launch().firstDueAt() != null
                        && !c.launch().firstDueAt().isAfter(now))
                .ifPresent((c) -> this.store.transition(scheduled, CampaignStatus.SCHEDULED, CampaignStatus.SENDING,
                        SYSTEM, "the first message came due")));
        }
        for (long id : this.store.idsIn(CampaignStatus.SENDING)) {
            each(id, (sending) -> this.store.find(sending, null).ifPresent((campaign) -> progress(campaign, now)));
        }
    }

    /** One campaign's step; its failure (rolled back) leaves the others to go on. */
    private static void each(long id, LongConsumer step) {
        try {
            step.accept(id);
        }
        catch (RuntimeException ex) {
            log.warn("Campaign {}: the clock's step failed and is tried again at the next tick: {}", id, ex.toString());
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
