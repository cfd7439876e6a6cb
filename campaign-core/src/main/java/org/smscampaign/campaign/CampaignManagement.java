package org.smscampaign.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.campaign.cascade.CascadeRules;
import org.smscampaign.campaign.keyword.KeywordRegistry;
import org.smscampaign.campaign.launch.DraftPreviews;
import org.smscampaign.campaign.launch.TestSends;
import org.smscampaign.campaign.launch.LaunchRunner;
import org.smscampaign.campaign.launch.PreflightRunner;
import org.smscampaign.campaign.goal.GoalChanges;
import org.smscampaign.campaign.goal.GoalChecks;
import org.smscampaign.campaign.store.CampaignStore;
import org.smscampaign.campaign.store.GoalStore;
import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.link.ShortLinks;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.segment.Segments;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketer's campaigns: written as drafts, checked by a preflight, launched (once, in
 * the background), paused, resumed and cancelled. Every status change goes through
 * {@link CampaignStatus}'s table; illegal ones are refused with the reason.
 */
@Service
public class CampaignManagement {

    private static final Logger log = LoggerFactory.getLogger(CampaignManagement.class);

    private static final int MAX_VARIANTS = 5;

    private final CampaignStore store;

    private final PreflightRunner preflight;

    private final LaunchRunner launches;

    private final MessageGateway gateway;

    private final ShortLinks links;

    private final Segments segments;

    private final MessagingProperties messaging;

    private final CampaignProperties properties;

    private final Clock clock;

    private final DraftPreviews previews;

    private final GoalStore goalStore;

    private final CascadeRules cascadeRules;

    private final TestSends testSends;

    private final KeywordRegistry keywords;

    private final org.smscampaign.campaign.coupon.CouponChecks couponChecks;

    CampaignManagement(CampaignStore store, PreflightRunner preflight, LaunchRunner launches, MessageGateway gateway,
            ShortLinks links, Segments segments, MessagingProperties messaging, CampaignProperties properties,
            Clock clock, DraftPreviews previews, GoalStore goalStore, CascadeRules cascadeRules, TestSends testSends,
            KeywordRegistry keywords, org.smscampaign.campaign.coupon.CouponChecks couponChecks) {
        this.keywords = keywords;
        this.couponChecks = couponChecks;
        this.cascadeRules = cascadeRules;
        this.testSends = testSends;
        this.goalStore = goalStore;
        this.previews = previews;
        this.store = store;
        this.preflight = preflight;
        this.launches = launches;
        this.gateway = gateway;
        this.links = links;
        this.segments = segments;
        this.messaging = messaging;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(CampaignDraft draft, String by) {
        validate(draft);
        this.keywords.claim(null, draft);
        long id = this.store.insert(draft, by);
        log.info("Campaign {} '{}' created by {}", id, draft.name(), by);
        return get(id);
    }

    /**
     * Rewrites a draft. A launched campaign's goals change through {@link #changeGoals}.
     */
    @Transactional
    public CampaignView update(long id, CampaignDraft draft, String by) {
        CampaignView current = get(id);
        if (!current.status().editable()) {
            throw CampaignProblem.conflict("Campaign " + id + " is " + current.status().name().toLowerCase()
                    + ": only drafts can be edited (goals can be changed, and the change is logged).");
        }
        validate(draft);
        this.keywords.claim(id, draft);
        this.store.write(id, draft);
        return get(id);
    }

    /**
     * A new draft with everything a campaign was set up with (audience, texts, schedule,
     * goals, costs, its cascade), named "Copy of ..."; its launch and history stay with
     * the original.
     */
    @Transactional
    public CampaignView duplicate(long id, String by) {
        CampaignDraft draft = get(id).draft();
        String name = "Copy of " + draft.name();
        CampaignDraft copy = new CampaignDraft((name.length() > 200) ? name.substring(0, 200) : name, draft.sender(),
                draft.brandId(), draft.audience(), draft.variants(), draft.schedule(), draft.windowPolicy(),
                draft.optOutLine(), draft.signature(), draft.holdoutPercent(), draft.winner(), draft.goals(),
                draft.attributionDays(), draft.evaluationDays(), draft.costs(), draft.cascade(), draft.replyKeywords(),
                draft.coupons());
        // Keywords the original (or another campaign) still holds stay with it.
        for (int i = 0; i <= draft.replyKeywords().size(); i++) {
            try {
                this.keywords.claim(null, copy);
                break;
            }
            catch (KeywordTaken taken) {
                copy = copy.withReplyKeywords(
                        copy.replyKeywords().stream().filter((k) -> !k.keyword().equals(taken.keyword())).toList());
            }
        }
        return create(copy, by);
    }

    /**
     * Replaces look-alike Unicode (curly quotes, dashes, ellipsis) in a draft's texts by
     * GSM-7 equivalents, so they cost 160 characters a segment instead of 70.
     */
    @Transactional
    public CampaignView smartEncode(long id, String by) {
        CampaignView current = get(id);
        CampaignDraft draft = current.draft();
        List<CampaignDraft.Variant> fixed = draft.variants()
            .stream()
            .map((v) -> new CampaignDraft.Variant(v.label(), org.smscampaign.messaging.SmsText.smartEncode(v.body()),
                    v.split()))
            .toList();
        return update(id,
                new CampaignDraft(draft.name(), draft.sender(), draft.brandId(), draft.audience(), fixed,
                        draft.schedule(), draft.windowPolicy(), draft.optOutLine(), draft.signature(),
                        draft.holdoutPercent(), draft.winner(), draft.goals(), draft.attributionDays(),
                        draft.evaluationDays(), draft.costs(), draft.cascade(), draft.replyKeywords(), draft.coupons()),
                by);
    }

    /**
     * Changes the goals; after launch each target change is logged (who, when, from, to)
     * and the original stays visible. A judged goal is read-only.
     */
    @Transactional
    public CampaignView changeGoals(long id, List<CampaignDraft.Goal> goals, String by) {
        CampaignView current = get(id);
        validateGoals(goals);
        GoalChanges changes = GoalChanges.between(current, goals);
        if (!changes.judgedTouched().isEmpty()) {
            throw CampaignProblem.goalJudged("The goal " + changes.judgedTouched().get(0)
                    + " was judged at the end of its evaluation window: its target can no longer change.");
        }
        if (current.launch() != null && !goals.equals(current.draft().goals()) && !this.clock.instant()
            .isBefore(current.launch().at().plus(Duration.ofDays(current.draft().evaluationDays())))) {
            // Being judged: a target changed now would be judged against, or beside, the
            // old.
            throw CampaignProblem.goalJudged(
                    "The evaluation window has ended and the goals are being judged: " + "they can no longer change.");
        }
        this.store.writeGoals(id, goals);
        if (!current.status().editable() && !changes.changes().isEmpty()) {
            Instant now = this.clock.instant();
            changes.changes()
                .forEach((c) -> this.goalStore.logChange(id, c.metric(), c.event(), c.from(), c.to(), by, now));
            this.store.event(id, "GOALS", null, null,
                    "Goals changed after launch from " + describe(current.draft().goals()) + " to " + describe(goals),
                    by);
        }
        return get(id);
    }

    /**
     * Changes the costs besides the messages (known only later, often: an agency's
     * invoice); after launch the change is logged with its author.
     */
    @Transactional
    public CampaignView changeCosts(long id, List<CampaignDraft.Cost> costs, String by) {
        CampaignView current = get(id);
        validateCosts(costs);
        this.store.writeCosts(id, costs);
        if (!current.status().editable()) {
            this.store.event(id, "COSTS", null, null, "Other costs changed after launch from "
                    + describeCosts(current.draft().costs()) + " to " + describeCosts(costs), by);
        }
        return get(id);
    }

    private static String describeCosts(List<CampaignDraft.Cost> costs) {
        return costs.isEmpty() ? "none"
                : String.join(", ",
                        costs.stream()
                            .map((c) -> c.label() + " " + c.amount().toPlainString()
                                    + ((c.kind() == CampaignDraft.CostKind.PER_CONVERSION) ? " per conversion" : ""))
                            .toList());
    }

    private static void validateCosts(List<CampaignDraft.Cost> costs) {
        if (costs.size() > 20) {
            throw CampaignProblem.invalid("costs: at most 20 items.");
        }
        for (int i = 0; i < costs.size(); i++) {
            CampaignDraft.Cost cost = costs.get(i);
            String field = "costs[" + i + "]";
            if (cost.label() == null || cost.label().isBlank() || cost.label().strip().length() > 100) {
                throw CampaignProblem.invalid(field + ".label: name the cost (at most 100 characters).");
            }
            if (cost.kind() == null) {
                throw CampaignProblem.invalid(field + ".kind: FIXED or PER_CONVERSION.");
            }
            if (cost.amount() == null || cost.amount().signum() < 0 || cost.amount().scale() > 4
                    || cost.amount().precision() - cost.amount().scale() > 10) {
                throw CampaignProblem
                    .invalid(field + ".amount: a non-negative amount with at most 10 digits and 4 decimals.");
            }
        }
    }

    private static String describe(List<CampaignDraft.Goal> goals) {
        return goals.isEmpty() ? "none"
                : String.join(", ",
                        goals.stream()
                            .map((g) -> g.label() + " " + g.direction().symbol() + " " + g.target().toPlainString())
                            .toList());
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return find(id).orElseThrow(() -> CampaignProblem.notFound(id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<CampaignView> find(long id) {
        String reason = this.gateway.pauseOf(id).map((pause) -> pause.reason()).orElse(null);
        return this.store.find(id, reason);
    }

    /**
     * Contacts of the campaign's holdout group (they get no message: the lift's
     * baseline).
     */
    @Transactional(readOnly = true)
    public long[] holdoutContacts(long id) {
        return this.store.recipientsWithRole(id, "HOLDOUT");
    }

    @Transactional(readOnly = true)
    public List<CampaignView> list(CampaignStatus status, int limit) {
        return this.store.list(status, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * A page of campaigns, newest first, optionally in one status and with a name
     * containing {@code name}.
     */
    @Transactional(readOnly = true)
    public CampaignPage page(CampaignStatus status, String name, int page, int size) {
        int bounded = Math.max(1, Math.min(size, 1000));
        int from = Math.max(0, page);
        return new CampaignPage(this.store.page(status, name, from * bounded, bounded), this.store.count(status, name),
                from, bounded);
    }

    /**
     * Campaign names by id, newest first: for pickers, and to name a campaign by its id.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names() {
        return this.store.names(2000);
    }

    /** What a launch would send now, rendered for every recipient. */
    public Preflight preflight(long id) {
        CampaignView campaign = get(id);
        return this.preflight.run(id, campaign.draft());
    }

    /**
     * How many people a draft's audience reaches now (with {@code everyone}: all
     * subscribed contacts, minus the exclusions), counted as the preflight counts.
     */
    public AudienceReach reach(CampaignDraft.Audience audience) {
        return this.previews.reach(audience);
    }

    /**
     * A text of a draft, unsaved perhaps, as one of its first recipients would get it
     * (the composer's phone preview).
     */
    public DraftPreview preview(CampaignDraft draft, String label, String body, int index) {
        return this.previews.preview(draft, label, body, index);
    }

    /**
     * Launches a draft: from now on its audience is written out as messages (in the
     * background). Launching twice launches once: a campaign already launched is returned
     * as it is.
     */
    @Transactional
    public CampaignView launch(long id, String by) {
        CampaignView campaign = get(id);
        if (campaign.status() != CampaignStatus.DRAFT) {
            if (campaign.launch() != null) {
                return campaign; // a double submission: the first launch stands
            }
            throw CampaignProblem.conflict(
                    "Campaign " + id + " is " + campaign.status().name().toLowerCase() + " and cannot be launched.");
        }
        validate(campaign.draft());
        if (campaign.draft().audience().isEmpty()) {
            throw CampaignProblem.noAudience(id);
        }
        List<String> goalErrors = GoalChecks.errors(campaign.draft());
        if (!goalErrors.isEmpty()) {
            throw CampaignProblem.invalid("goals: " + goalErrors.get(0));
        }
        org.smscampaign.link.LinkAddress links = this.preflight.linkAddress(campaign.draft());
        if (!links.launchable()) {
            throw new LinkAddressProblem(links.message());
        }
        if (campaign.draft().coupons() != null) {
            long reach = this.previews.reach(campaign.draft().audience()).reachable();
            this.couponChecks.problem(campaign.draft(), reach).ifPresent((problem) -> {
                throw new CampaignProblem(problem.poolShort() ? CampaignProblem.Kind.COUPON_POOL_TOO_SMALL
                        : CampaignProblem.Kind.COUPON_PATTERN_TOO_WEAK, problem.message());
            });
        }
        Instant now = this.clock.instant();
        CampaignDraft.Schedule schedule = campaign.draft().schedule();
        boolean later = (schedule.type() == CampaignDraft.ScheduleType.AT && schedule.at().isAfter(now))
                || schedule.type() == CampaignDraft.ScheduleType.LOCAL_TIME;
        CampaignStatus next = later ? CampaignStatus.SCHEDULED : CampaignStatus.SENDING;
        if (!this.store.transition(id, CampaignStatus.DRAFT, next, by, "launched")) {
            return get(id); // launched concurrently
        }
        this.store.markLaunched(id, by, now);
        org.springframework.transaction.support.TransactionSynchronizationManager
            .registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CampaignManagement.this.launches.submit(id);
                }
            });
        log.info("Campaign {} launched by {}", id, by);
        return get(id);
    }

    /** Stops sending within seconds; queued messages wait. */
    @Transactional
    public CampaignView pause(long id, String by) {
        CampaignView campaign = get(id);
        move(campaign, CampaignStatus.PAUSED, by, "paused");
        this.gateway.pause(id, "Paused by " + by, by);
        return get(id);
    }

    /** Sends again what waited; nothing is sent twice. */
    @Transactional
    public CampaignView resume(long id, String by) {
        CampaignView campaign = get(id);
        Instant firstDue = (campaign.launch() != null) ? campaign.launch().firstDueAt() : null;
        boolean notYet = firstDue != null && firstDue.isAfter(this.clock.instant());
        move(campaign, notYet ? CampaignStatus.SCHEDULED : CampaignStatus.SENDING, by, "resumed");
        this.gateway.resume(id, by);
        return get(id);
    }

    /** Ends the campaign: nothing more is sent; what went out stays counted. */
    @Transactional
    public CampaignView cancel(long id, String by) {
        CampaignView campaign = get(id);
        move(campaign, CampaignStatus.CANCELLED, by, "cancelled");
        if (campaign.launch() != null) {
            int withdrawn = this.gateway.cancel(id, by);
            this.store.event(id, "TRANSITION", null, null, withdrawn + " queued messages withdrawn", by);
        }
        return get(id);
    }

    private void move(CampaignView campaign, CampaignStatus next, String by, String detail) {
        if (!campaign.status().mayBecome(next)) {
            throw CampaignProblem
                .conflict("A " + campaign.status().name().toLowerCase() + " campaign cannot be " + detail + ".");
        }
        if (!this.store.transition(campaign.id(), campaign.status(), next, by, detail)) {
            throw CampaignProblem.conflict("Campaign " + campaign.id() + " changed meanwhile; reload and try again.");
        }
    }

    /**
     * Sends one variant to a number now, as a test: fields take their fallbacks, links
     * are real short links (labelled as test links). A cascade's test goes on its first
     * listed step's channel.
     */
    public long testSend(long id, String variantLabel, String number, String by) {
        CampaignView campaign = get(id);
        CampaignDraft.Variant variant = campaign.draft()
            .variants()
            .stream()
            .filter((v) -> v.label().equals(variantLabel))
            .findFirst()
            .orElseThrow(() -> CampaignProblem.invalid("No variant " + variantLabel));
        return this.testSends.send(id, campaign.draft(), variant, number, by);
    }

    private void validate(CampaignDraft draft) {
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            throw CampaignProblem.invalid("name: give the campaign a name of at most 200 characters.");
        }
        if (draft.sender() == null || !this.messaging.senders().containsKey(draft.sender())) {
            throw CampaignProblem.invalid("sender: choose one of " + this.messaging.senders().keySet() + ".");
        }
        if (draft.variants().isEmpty() || draft.variants().size() > MAX_VARIANTS) {
            throw CampaignProblem.invalid("variants: write between 1 and " + MAX_VARIANTS + " texts.");
        }
        Set<String> labels = new HashSet<>();
        int splits = 0;
        for (CampaignDraft.Variant variant : draft.variants()) {
            if (variant.label() == null || !variant.label().matches("[A-Z]") || !labels.add(variant.label())) {
                throw CampaignProblem.invalid("variants: label each text with its own letter (A, B, ...).");
            }
            if (variant.body() == null || variant.body().isBlank()) {
                throw CampaignProblem.invalid("variant " + variant.label() + ": the text is empty.");
            }
            if (variant.body().length() > 1400) {
                throw CampaignProblem.invalid("variant " + variant.label() + ": at most 1,400 characters.");
            }
            MessageTemplate template;
            try {
                template = MessageTemplate.parse(variant.body());
            }
            catch (IllegalArgumentException ex) {
                throw CampaignProblem.invalid("variant " + variant.label() + ": " + ex.getMessage());
            }
            for (String field : template.fields()) {
                if (!MergeFields.STANDARD.contains(field) && !field.matches("[a-z0-9_.-]+")) {
                    throw CampaignProblem.invalid("variant " + variant.label() + ": unknown field " + field);
                }
            }
            splits += variant.split();
        }
        if (draft.brandId() != null) {
            try {
                this.preflight.brandOf(draft);
            }
            catch (org.smscampaign.link.LinkProblem ex) {
                throw CampaignProblem.invalid("brand: there is no brand " + draft.brandId() + ".");
            }
        }
        List<String> linkProblems = this.preflight.linkProblems(draft);
        if (!linkProblems.isEmpty()) {
            throw CampaignProblem.invalid(linkProblems.get(0));
        }
        if (splits != 100 && splits != 0) {
            throw CampaignProblem.invalid("variants: the splits add up to " + splits + "%, not 100%.");
        }
        if (draft.winner() != null && draft.variants().size() < 2) {
            throw CampaignProblem.invalid("A/B test: it needs at least two variants.");
        }
        if (draft.winner() != null) {
            CampaignDraft.Winner winner = draft.winner();
            if (winner.confidence().compareTo(new java.math.BigDecimal("50")) < 0
                    || winner.confidence().compareTo(new java.math.BigDecimal("99.9")) > 0) {
                throw CampaignProblem.invalid("A/B test: the confidence must be between 50% and 99.9%.");
            }
            if (winner.minimumSample() < 10) {
                throw CampaignProblem.invalid("A/B test: each variant needs a minimum sample of at least 10.");
            }
        }
        CampaignDraft.Schedule schedule = draft.schedule();
        if (schedule.type() == CampaignDraft.ScheduleType.AT && schedule.at() == null) {
            throw CampaignProblem.invalid("schedule: give the date and time to send at.");
        }
        if (schedule.type() == CampaignDraft.ScheduleType.LOCAL_TIME
                && (schedule.localDate() == null || schedule.localTime() == null)) {
            throw CampaignProblem.invalid("schedule: give the date and the local time to send at.");
        }
        for (Long segment : draft.audience().segments()) {
            this.segments.find(segment).orElseThrow(() -> CampaignProblem.invalid("audience: no segment " + segment));
        }
        for (Long segment : draft.audience().excludedSegments()) {
            this.segments.find(segment).orElseThrow(() -> CampaignProblem.invalid("audience: no segment " + segment));
        }
        validateGoals(draft.goals());
        validateCosts(draft.costs());
        this.couponChecks.errors(draft).stream().findFirst().ifPresent((error) -> {
            throw CampaignProblem.invalid(error);
        });
        this.cascadeRules.problem(draft).ifPresent((problem) -> {
            throw CampaignProblem.invalid(problem);
        });
        this.keywords.problem(draft).ifPresent((problem) -> {
            throw CampaignProblem.invalid(problem);
        });
    }

    /** A campaign's reply keywords with the responses each received. */
    @Transactional(readOnly = true)
    public List<KeywordResponses> keywordResponses(long id) {
        return this.keywords.responses(id);
    }

    private static void validateGoals(List<CampaignDraft.Goal> goals) {
        if (goals.size() > 20) {
            throw CampaignProblem.invalid("goals: at most 20 goals.");
        }
        Set<String> seen = new HashSet<>();
        for (CampaignDraft.Goal goal : goals) {
            if (goal.metric() == null || goal.target() == null) {
                throw CampaignProblem.invalid("goals: choose a measure and give each goal a target.");
            }
            if (goal.target().scale() > 4 || goal.target().precision() - goal.target().scale() > 10) {
                throw CampaignProblem.invalid("goals: a target has at most 10 digits and 4 decimals.");
            }
            if (!goal.event().isEmpty() && !goal.event().matches("[a-z][a-z0-9_]{0,49}")) {
                throw CampaignProblem.invalid("goals: an event name is lower-case letters, digits and _ ("
                        + "lead, sale), as the conversion postback sends it.");
            }
            if (!seen.add(goal.metric().name() + "/" + goal.event())) {
                throw CampaignProblem.invalid("goals: " + goal.label() + " is set twice; keep one target per measure"
                        + (goal.metric().takesEvent() ? " and event." : "."));
            }
        }
    }

}
