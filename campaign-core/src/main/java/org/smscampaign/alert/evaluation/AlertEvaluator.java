package org.smscampaign.alert.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.alert.AlertRule;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;
import org.smscampaign.alert.rules.CampaignFacts;
import org.smscampaign.alert.rules.CampaignRule;
import org.smscampaign.alert.rules.QueueStalledRule;
import org.smscampaign.alert.rules.Reading;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.messaging.CampaignPause;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.report.CampaignReports;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One evaluation of every rule: campaigns that are scheduled, sending or paused, and
 * completed ones until their evaluation window ends; then every sender's queue. A
 * condition that holds raises an alert once; an open alert whose condition no longer
 * holds is resolved. One instance evaluates at a time (an advisory lock); the unique
 * index and the guarded update keep each raise and resolve single anyway. Events go out
 * after the transaction commits.
 */
@Component
public class AlertEvaluator {

    /** How long after its evaluation window a completed campaign is still watched. */
    private static final Duration JUDGED_GRACE = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    /** The advisory lock's key: "alerts" in ASCII. */
    private static final long LOCK = 0x616c65727473L;

    private static final List<CampaignStatus> WATCHED = List.of(CampaignStatus.SCHEDULED, CampaignStatus.SENDING,
            CampaignStatus.PAUSED, CampaignStatus.COMPLETED);

    private static final int LIMIT = 1000;

    private final CampaignManagement campaigns;

    private final CampaignReports reports;

    private final MessageGateway gateway;

    private final SettingsStore settings;

    private final AlertStore store;

    private final UsualCtr usualCtr;

    private final ApplicationEventPublisher events;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final Clock clock;

    AlertEvaluator(CampaignManagement campaigns, CampaignReports reports, MessageGateway gateway,
            SettingsStore settings, AlertStore store, UsualCtr usualCtr, ApplicationEventPublisher events,
            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.gateway = gateway;
        this.settings = settings;
        this.store = store;
        this.usualCtr = usualCtr;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What one evaluation changed. */
    public record Outcome(boolean evaluated, int raised, int resolved) {

    }

    /**
     * Evaluates every rule now. With {@code wait}, waits for another instance's run to
     * end; without, skips when one runs.
     */
    public Outcome evaluate(boolean wait) {
        return this.transactions.execute((status) -> {
            boolean locked = wait
                    ? this.jdbc.sql("select pg_advisory_xact_lock(:key) is not null")
                        .param("key", LOCK)
                        .query(Boolean.class)
                        .single()
                    : this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                        .param("key", LOCK)
                        .query(Boolean.class)
                        .single();
            if (!locked) {
                return new Outcome(false, 0, 0);
            }
            return run();
        });
    }

    private Outcome run() {
        Instant now = this.clock.instant();
        AlertSettings account = this.settings.load();
        Map<Long, Double> past = null;
        int[] counts = new int[2];
        Set<Long> watched = new HashSet<>();
        for (CampaignView campaign : watched(now)) {
            watched.add(campaign.id());
            try {
                if (past == null) {
                    past = this.usualCtr.pastCampaigns(now);
                }
                reconcile(campaign.id(), campaign.name(), readings(campaign, account, past), counts, null);
            }
            catch (RuntimeException ex) {
                log.warn("Alerts of campaign {} not evaluated: {}", campaign.id(), ex.getMessage());
            }
        }
        RuleSetting queue = account.rule(AlertRule.QUEUE_STALLED);
        List<Reading> queues = queue.enabled() ? new QueueStalledRule().read(this.gateway.dueQueues(), queue, now)
                : List.of();
        reconcile(null, null, queues, counts, null);
        for (long id : this.store.campaignsWithOpenAlerts()) {
            if (!watched.contains(id)) {
                String name = this.campaigns.find(id).map(CampaignView::name).orElse(null);
                reconcile(id, name, List.of(), counts,
                        "No longer watched: the campaign's goals are judged, or it was cancelled.");
            }
        }
        if (counts[0] + counts[1] > 0) {
            log.info("Alerts evaluated: {} raised, {} resolved", counts[0], counts[1]);
        }
        return new Outcome(true, counts[0], counts[1]);
    }

    private List<CampaignView> watched(Instant now) {
        List<CampaignView> watched = new ArrayList<>();
        for (CampaignStatus status : WATCHED) {
            for (CampaignView campaign : this.campaigns.list(status, LIMIT)) {
                // A completed campaign stays watched a day past its window: its goals are
                // judged then, and one judged failed raises its alert.
                if (status != CampaignStatus.COMPLETED || (campaign.launch() != null && campaign.launch()
                    .at()
                    .plus(Duration.ofDays(campaign.draft().evaluationDays()))
                    .plus(JUDGED_GRACE)
                    .isAfter(now))) {
                    watched.add(campaign);
                }
            }
        }
        return watched;
    }

    private List<Reading> readings(CampaignView campaign, AlertSettings account, Map<Long, Double> past) {
        Map<AlertRule, RuleOverride> overrides = new HashMap<>();
        this.settings.overrides(campaign.id()).forEach((o) -> overrides.put(o.rule(), o));
        Optional<CampaignPause> pause = this.gateway.pauseOf(campaign.id());
        boolean tracked = campaign.draft()
            .variants()
            .stream()
            .anyMatch((v) -> v.body() != null && v.body().toLowerCase(Locale.ROOT).contains("{{link:"));
        CampaignFacts facts = new CampaignFacts(this.reports.report(campaign.id()), tracked,
                pause.map(CampaignPause::by).orElse(null), pause.map(CampaignPause::reason).orElse(null),
                this.usualCtr.forCampaign(past, campaign.id()));
        List<Reading> readings = new ArrayList<>();
        for (CampaignRule rule : CampaignRule.all()) {
            RuleSetting setting = account.rule(rule.rule()).with(overrides.get(rule.rule()));
            if (setting.enabled()) {
                readings.addAll(rule.read(facts, setting));
            }
        }
        return readings;
    }

    private void reconcile(Long campaignId, String campaignName, List<Reading> readings, int[] counts,
            String goneReason) {
        Map<String, AlertStore.Open> open = new LinkedHashMap<>();
        this.store.openOf(campaignId).forEach((a) -> open.put(a.key(), a));
        Map<String, Reading> byKey = new HashMap<>();
        for (Reading reading : readings) {
            String key = reading.rule().name() + "\u0000" + reading.subject();
            byKey.put(key, reading);
            if (reading.holds() && !open.containsKey(key)) {
                Optional<Long> id = this.store.raise(reading, campaignId, campaignName);
                if (id.isPresent()) {
                    counts[0]++;
                    this.events.publishEvent(new PlatformEvent(PlatformEvent.ALERT_RAISED, campaignId, campaignName,
                            reading.title(), data(id.get(), reading.rule(), reading.subject(), reading.figures(), null),
                            this.clock.instant()));
                }
            }
        }
        for (AlertStore.Open alert : open.values()) {
            Reading now = byKey.get(alert.key());
            if (now != null && now.holds()) {
                continue;
            }
            Map<String, Object> figures = (now != null) ? now.figures()
                    : Map.of("note", (goneReason != null) ? goneReason
                            : "The condition no longer applies (the rule was turned off, or its subject is gone).");
            if (this.store.resolve(alert.id(), figures)) {
                counts[1]++;
                AlertRule rule = rule(alert.rule());
                String title = "Resolved: " + ((rule != null) ? rule.label() : alert.title());
                this.events
                    .publishEvent(new PlatformEvent(PlatformEvent.ALERT_RESOLVED, campaignId, campaignName, title,
                            data(alert.id(), rule, alert.subject(), figures, alert.figures()), this.clock.instant()));
            }
        }
    }

    private static Map<String, Object> data(long id, AlertRule rule, String subject, Map<String, Object> figures,
            Map<String, Object> raisedFigures) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", id);
        data.put("rule", (rule != null) ? rule.name() : null);
        data.put("subject", subject);
        data.put("severity", (rule != null) ? rule.severity() : null);
        data.put("figures", figures);
        if (raisedFigures != null) {
            data.put("raisedFigures", raisedFigures);
        }
        return data;
    }

    private static AlertRule rule(String name) {
        try {
            return AlertRule.valueOf(name);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
