package org.smscampaign.campaign.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.abtest.Arm;
import org.smscampaign.campaign.abtest.SequentialAbTest;
import org.smscampaign.campaign.store.AbTestStore;
import org.smscampaign.campaign.store.CampaignStore;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at a running A/B test on every clock tick: a significant winner goes to those who
 * waited at once; at the window's end without one, the campaign's fallback rule applies.
 * The event log says which and why. The decision and its event commit together; carrying
 * it out is a job the clock resumes until it is done ({@link #carryOutDecisions}).
 */
@Component
public class AbTestReferee {

    private static final Logger log = LoggerFactory.getLogger(AbTestReferee.class);

    private static final String BY = "A/B test";

    private final AbTestStore tests;

    private final CampaignStore store;

    private final LaunchRunner launches;

    private final MessageGateway gateway;

    private final ShortLinks links;

    private final Conversions conversions;

    private final TransactionTemplate transactions;

    AbTestReferee(AbTestStore tests, CampaignStore store, LaunchRunner launches, MessageGateway gateway,
            ShortLinks links, Conversions conversions, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.tests = tests;
        this.store = store;
        this.launches = launches;
        this.gateway = gateway;
        this.links = links;
        this.conversions = conversions;
    }

    /** One look at a launched campaign whose test is undecided. */
    public void look(CampaignView campaign, Instant now) {
        CampaignDraft.Winner winner = campaign.draft().winner();
        SequentialAbTest test = new SequentialAbTest(winner.confidence().doubleValue() / 100, winner.minimumSample());
        SequentialAbTest.Look look = test.look(arms(campaign, winner), this.tests.previousP(campaign.id()));
        this.tests.save(campaign.id(), look);
        String rate = rateName(winner.metric());
        if (look.winner() != null) {
            send(campaign, "SIGNIFICANT", look.winner(), look.explainWinner(rate));
            return;
        }
        CampaignView.Launch launch = campaign.launch();
        Instant ends = ((launch.firstDueAt() != null) ? launch.firstDueAt() : launch.at())
            .plus(Duration.ofHours(winner.testHours()));
        if (now.isBefore(ends)) {
            return;
        }
        String none = String.format(Locale.ENGLISH, "No significant difference after %d h", winner.testHours());
        String figures = " (" + look.figures(rate) + ")";
        switch (winner.fallback()) {
            case SEND_CONTROL -> send(campaign, "SEND_CONTROL", look.arms().get(0).arm().label(),
                    none + "; sent the control (" + look.arms().get(0).arm().label() + ") as configured" + figures);
            case SEND_HIGHER_RATE -> send(campaign, "SEND_HIGHER_RATE", look.higherRate(),
                    none + "; sent " + look.higherRate() + ", the higher " + rate + ", as configured" + figures);
            case STOP -> stop(campaign, none, figures);
        }
    }

    private void send(CampaignView campaign, String outcome, String variant, String why) {
        boolean decided = Boolean.TRUE.equals(this.transactions.execute((status) -> {
            if (this.tests.decide(campaign.id(), outcome, variant, why) != 1) {
                return false;
            }
            this.store.event(campaign.id(), "WINNER", null, null, why, BY);
            return true;
        }));
        if (decided) {
            log.info("Campaign {}: the A/B test sends variant {} ({})", campaign.id(), variant, outcome);
            this.launches.submitWinner(campaign.id(), variant);
        }
    }

    private void stop(CampaignView campaign, String none, String figures) {
        int waiting = campaign.launch().waiting();
        String why = String.format(Locale.ENGLISH,
                "%s; stopped as configured: the %,d recipients who waited get no message%s", none, waiting, figures);
        this.transactions.executeWithoutResult((status) -> {
            if (this.tests.decide(campaign.id(), "STOP", null, why) == 1) {
                this.tests.stopWaiting(campaign.id());
                this.store.event(campaign.id(), "WINNER", null, null, why, BY);
                log.info("Campaign {}: the A/B test stopped without a winner", campaign.id());
            }
        });
    }

    /**
     * Carries out decisions a crash left undone: the winner send goes on with those still
     * waiting; a stop stops them. Idempotent; nothing to do costs one indexed query.
     */
    public void carryOutDecisions() {
        for (AbTestStore.Unfinished decided : this.tests.unfinished()) {
            if (decided.winner() != null) {
                this.launches.submitWinner(decided.campaignId(), decided.winner());
            }
            else {
                try {
                    int stopped = this.transactions.execute((status) -> this.tests.stopWaiting(decided.campaignId()));
                    log.info("Campaign {}: the A/B test's stop carried out ({} who waited)", decided.campaignId(),
                            stopped);
                }
                catch (RuntimeException ex) {
                    // Rolled back; the next tick tries again, the other campaigns go on.
                    log.warn("Campaign {}: the A/B test's stop failed: {}", decided.campaignId(), ex.toString());
                }
            }
        }
    }

    private List<Arm> arms(CampaignView campaign, CampaignDraft.Winner winner) {
        Map<String, Map<MessageStatus, Long>> byVariant = this.gateway.countsOfCampaignByVariant(campaign.id());
        boolean conversions = winner.metric() == CampaignDraft.WinnerMetric.CONVERSIONS;
        Map<String, Long> clickers = conversions ? Map.of() : this.links.humanClickersByVariant(campaign.id());
        Map<String, long[]> converted = conversions ? this.conversions.countsByVariant(campaign.id()) : Map.of();
        List<Arm> arms = new ArrayList<>();
        for (CampaignDraft.Variant variant : campaign.draft().variants()) {
            long delivered = byVariant.getOrDefault(variant.label(), Map.of())
                .getOrDefault(MessageStatus.DELIVERED, 0L);
            long successes = conversions ? converted.getOrDefault(variant.label(), new long[2])[0]
                    : clickers.getOrDefault(variant.label(), 0L);
            arms.add(new Arm(variant.label(), delivered, successes));
        }
        return arms;
    }

    /** "CTR" or "conversion rate", as the explanations name the metric. */
    public static String rateName(CampaignDraft.WinnerMetric metric) {
        return (metric == CampaignDraft.WinnerMetric.CONVERSIONS) ? "conversion rate" : "CTR";
    }

}
