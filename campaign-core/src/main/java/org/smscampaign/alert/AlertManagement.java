package org.smscampaign.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.smscampaign.alert.evaluation.AlertEvaluator;
import org.smscampaign.alert.evaluation.AlertStore;
import org.smscampaign.alert.evaluation.SettingsStore;
import org.smscampaign.alert.evaluation.UsualCtr;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts' application service: the account's settings and each campaign's overrides,
 * one evaluation on demand, and how an alert's e-mail went.
 */
@Service
public class AlertManagement {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    private final SettingsStore settings;

    private final AlertEvaluator evaluator;

    private final AlertStore store;

    private final UsualCtr usualCtr;

    private final Clock clock;

    AlertManagement(SettingsStore settings, AlertEvaluator evaluator, AlertStore store, UsualCtr usualCtr,
            Clock clock) {
        this.settings = settings;
        this.evaluator = evaluator;
        this.store = store;
        this.usualCtr = usualCtr;
        this.clock = clock;
    }

    /** What one evaluation raised and resolved. */
    public record Evaluation(int raised, int resolved) {

    }

    @Transactional(readOnly = true)
    public AlertSettings settings() {
        return this.settings.load();
    }

    /** Replaces the account's settings. Throws {@link AlertProblem} for a bad value. */
    @Transactional
    public AlertSettings saveSettings(AlertSettings settings, String by) {
        for (RuleSetting rule : settings.rules()) {
            check(rule.rule(), rule.threshold(), rule.minimum());
            if (rule.rule().hasThreshold() && rule.threshold() == null) {
                throw new AlertProblem(rule.rule().label() + ": enter a threshold.");
            }
            if (rule.rule().hasMinimum() && rule.minimum() == null) {
                throw new AlertProblem(rule.rule().label() + ": enter a minimum count.");
            }
        }
        List<String> recipients = new ArrayList<>();
        for (String recipient : settings.recipients()) {
            String email = recipient.strip().toLowerCase(java.util.Locale.ROOT);
            if (email.isEmpty()) {
                continue;
            }
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                throw new AlertProblem("\u201c" + recipient.strip() + "\u201d is not an e-mail address.");
            }
            if (!recipients.contains(email)) {
                recipients.add(email);
            }
        }
        AlertSettings clean = new AlertSettings(settings.rules(), recipients);
        this.settings.save(clean, by);
        return clean;
    }

    /** A campaign's own settings (rules it does not override are left out). */
    @Transactional(readOnly = true)
    public List<RuleOverride> overrides(long campaignId) {
        return this.settings.overrides(campaignId);
    }

    /** The settings in effect for a campaign: the account's with its overrides. */
    @Transactional(readOnly = true)
    public List<RuleSetting> effective(long campaignId) {
        AlertSettings account = this.settings.load();
        Map<AlertRule, RuleOverride> overrides = new java.util.EnumMap<>(AlertRule.class);
        this.settings.overrides(campaignId).forEach((o) -> overrides.put(o.rule(), o));
        return account.rules()
            .stream()
            .filter((r) -> r.rule().perCampaign())
            .map((r) -> r.with(overrides.get(r.rule())))
            .toList();
    }

    /** Replaces a campaign's overrides. Throws {@link AlertProblem} for a bad value. */
    @Transactional
    public void saveOverrides(long campaignId, List<RuleOverride> overrides, String by) {
        for (RuleOverride override : overrides) {
            if (!override.rule().perCampaign()) {
                throw new AlertProblem(override.rule().label() + " is set for the whole account only.");
            }
            check(override.rule(), override.threshold(), override.minimum());
        }
        this.settings.saveOverrides(campaignId, overrides, by);
    }

    /** Evaluates every rule now (waiting for a run another instance holds). */
    public Evaluation evaluateNow() {
        AlertEvaluator.Outcome outcome = this.evaluator.evaluate(true);
        return new Evaluation(outcome.raised(), outcome.resolved());
    }

    /**
     * The account's usual human CTR, as the human CTR rule sees it for a new campaign.
     */
    public Baseline baseline() {
        return this.usualCtr.now(this.clock.instant());
    }

    /** Keeps how an alert's e-mail went (after the alert's own transaction). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordMail(long alertId, String outcome, String detail) {
        this.store.recordMail(alertId, outcome, detail);
    }

    private static void check(AlertRule rule, Double threshold, Integer minimum) {
        if (threshold != null) {
            if (!rule.hasThreshold()) {
                throw new AlertProblem(rule.label() + " has no threshold.");
            }
            if (threshold.isNaN() || threshold <= 0) {
                throw new AlertProblem(rule.label() + ": the threshold must be above 0.");
            }
            if (rule != AlertRule.QUEUE_STALLED && threshold > 100) {
                throw new AlertProblem(rule.label() + ": the threshold is a percentage, at most 100.");
            }
            if (rule == AlertRule.QUEUE_STALLED && threshold > 1440) {
                throw new AlertProblem(rule.label() + ": at most 1440 minutes (a day).");
            }
        }
        if (minimum != null) {
            if (!rule.hasMinimum()) {
                throw new AlertProblem(rule.label() + " has no minimum count.");
            }
            if (minimum < 0 || minimum > 10_000_000) {
                throw new AlertProblem(rule.label() + ": the minimum count must be between 0 and 10,000,000.");
            }
        }
    }

}
