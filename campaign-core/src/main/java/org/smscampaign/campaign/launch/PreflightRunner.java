package org.smscampaign.campaign.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignProperties;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.campaign.cascade.CascadePlan;
import org.smscampaign.campaign.coupon.CouponChecks;
import org.smscampaign.campaign.coupon.CouponStore;
import org.smscampaign.campaign.template.MergeFields;
import org.smscampaign.campaign.template.MessageTemplate;
import org.smscampaign.campaign.window.RecipientWindows;
import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactQueries;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkAddress;
import org.smscampaign.link.LinkAddresses;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.DeliveryRates;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.Prices;
import org.smscampaign.messaging.Reachability;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.money.RateTable;

import org.springframework.stereotype.Component;

/**
 * Renders every recipient's message as a launch would (merge fields, links at their true
 * length) without sending anything, and sums up what it would cost and where it could go
 * wrong.
 */
@Component
public class PreflightRunner {

    private static final int BATCH = 5000;

    /** What the preflight says of a draft whose audience is not chosen yet. */
    public static final String NO_AUDIENCE = "No audience chosen yet — pick segments or lists, "
            + "or choose everyone subscribed.";

    private final ContactQueries contacts;

    private final AudienceCriteria audiences;

    private final RecipientWindows windows;

    private final OptOuts optOuts;

    private final MessageGateway gateway;

    private final Brands brands;

    private final CampaignProperties properties;

    private final MessagingProperties messaging;

    private final Clock clock;

    private final Prices prices;

    private final ExchangeRates rates;

    private final LinkAddresses linkAddresses;

    private final Conversions conversions;

    private final Reachability reachability;

    private final DeliveryRates deliveryRates;

    private final CouponStore couponStore;

    private final CouponChecks couponChecks;

    PreflightRunner(ContactQueries contacts, AudienceCriteria audiences, RecipientWindows windows, OptOuts optOuts,
            MessageGateway gateway, Brands brands, CampaignProperties properties, MessagingProperties messaging,
            Clock clock, Prices prices, ExchangeRates rates, LinkAddresses linkAddresses, Conversions conversions,
            Reachability reachability, DeliveryRates deliveryRates, CouponStore couponStore,
            CouponChecks couponChecks) {
        this.couponStore = couponStore;
        this.couponChecks = couponChecks;
        this.reachability = reachability;
        this.deliveryRates = deliveryRates;
        this.conversions = conversions;
        this.linkAddresses = linkAddresses;
        this.prices = prices;
        this.rates = rates;
        this.contacts = contacts;
        this.audiences = audiences;
        this.windows = windows;
        this.optOuts = optOuts;
        this.gateway = gateway;
        this.brands = brands;
        this.properties = properties;
        this.messaging = messaging;
        this.clock = clock;
    }

    /**
     * Contacts over the frequency cap around the moment the campaign sends (for a local
     * time, widened by the spread of time zones).
     */
    long[] capped(CampaignDraft draft, Instant launch) {
        CampaignProperties.FrequencyCap cap = this.properties.frequencyCap();
        if (cap.messages() <= 0) {
            return new long[0];
        }
        CampaignDraft.Schedule schedule = draft.schedule();
        Instant from = launch;
        Instant to = launch;
        if (schedule.type() == CampaignDraft.ScheduleType.AT && schedule.at() != null
                && schedule.at().isAfter(launch)) {
            from = schedule.at();
            to = schedule.at();
        }
        else if (schedule.type() == CampaignDraft.ScheduleType.LOCAL_TIME && schedule.localDate() != null) {
            Instant utc = schedule.localDate().atTime(schedule.localTime()).toInstant(java.time.ZoneOffset.UTC);
            from = utc.minus(java.time.Duration.ofHours(14));
            to = utc.plus(java.time.Duration.ofHours(12));
        }
        return this.gateway.contactsMessagedBetween(from.minus(cap.window()), to.plus(cap.window()), cap.messages());
    }

    public BrandView brandOf(CampaignDraft draft) {
        return (draft.brandId() != null) ? this.brands.get(draft.brandId()) : this.brands.defaultBrand();
    }

    /**
     * Where the draft's short links point, and whether recipients can open them (looks up
     * DNS).
     */
    public LinkAddress linkAddress(CampaignDraft draft) {
        return this.linkAddresses.of(brandOf(draft));
    }

    /**
     * Why the brand's rules refuse the draft's {@code {{link:...}}} targets (also those
     * in its signature), one line per refusal ("variant A: ..."); empty when all may be
     * linked. The same check links get when they are made, so what passes here can be
     * launched.
     */
    public List<String> linkProblems(CampaignDraft draft) {
        List<String> problems = new ArrayList<>();
        for (CampaignDraft.Variant variant : draft.variants()) {
            if (variant.body() == null) {
                continue;
            }
            MessageTemplate template;
            try {
                template = MessageTemplate.parse(CampaignTexts.full(draft, variant.body(), ""));
            }
            catch (IllegalArgumentException ex) {
                continue; // an invalid text: refused as such by the draft's validation
            }
            for (String target : template.links()) {
                try {
                    this.brands.checkTarget(draft.brandId(), target);
                }
                catch (LinkProblem ex) {
                    problems.add("variant " + variant.label() + ": " + ex.getMessage());
                }
            }
        }
        if (draft.cascade() != null) {
            stepLinkProblems(draft, problems);
        }
        return problems;
    }

    // The steps' own texts (RCS text, WhatsApp variables) may link too.
    private void stepLinkProblems(CampaignDraft draft, List<String> problems) {
        List<CampaignDraft.CascadeStep> steps = draft.cascade().steps();
        for (int i = 0; i < steps.size(); i++) {
            CampaignDraft.CascadeStep step = steps.get(i);
            List<String> texts = new ArrayList<>();
            if (step.body() != null) {
                texts.add(step.body());
            }
            if (step.template() != null) {
                texts.addAll(step.template().variables().values());
            }
            for (String text : texts) {
                try {
                    for (String target : MessageTemplate.parse(text).links()) {
                        this.brands.checkTarget(draft.brandId(), target);
                    }
                }
                catch (IllegalArgumentException ex) {
                    // an invalid text: refused as such by the draft's validation
                }
                catch (LinkProblem ex) {
                    problems.add("cascade: step " + (i + 1) + ": " + ex.getMessage());
                }
            }
        }
    }

    public Preflight run(long campaignId, CampaignDraft draft) {
        Instant now = this.clock.instant();
        ContactCriteria criteria = this.audiences.of(draft.audience());
        AudienceCount count = this.contacts.count(criteria);
        CampaignTexts templates = new CampaignTexts(draft, this.properties);
        LinkAddress address = linkAddress(draft);
        String sampleLink = address.sampleLink();
        Recipients recipients = new Recipients(campaignId, draft, this.windows, capped(draft, now), now);
        Tally tally = new Tally(templates.defaults().keySet(), new CostEstimate(this.prices, draft.sender()));
        tally.cascade = (draft.cascade() != null)
                ? new CascadeForecaster(new CascadePlan(draft, this.messaging, this.prices), draft.sender(),
                        this.deliveryRates.learned(), this.messaging.reachability(), this.prices)
                : null;
        LocalDate today = LocalDate.now(this.clock);
        List<Row> batch = new ArrayList<>(BATCH);
        String sampleCoupon = this.couponStore.sample(draft.coupons());
        this.contacts.forEachMatching(criteria, true, (row) -> {
            String preferred = row.getString("preferred_channel");
            Map<String, String> fields = MergeFields.of(row, today);
            if (sampleCoupon != null) {
                fields.put(CouponChecks.FIELD, sampleCoupon);
            }
            batch.add(new Row(row.getLong("id"), row.getString("phone_number"), row.getString("country"),
                    row.getString("region"), row.getString("time_zone"), fields,
                    (preferred != null) ? Channel.valueOf(preferred) : null,
                    "OPTED_IN".equals(row.getString("whatsapp_consent"))));
            if (batch.size() == BATCH) {
                tally(batch, recipients, templates, sampleLink, tally);
                batch.clear();
            }
        });
        tally(batch, recipients, templates, sampleLink, tally);
        Preflight preflight = tally.result(count, draft, templates.defaults(), this.properties, this.messaging,
                this.rates.table(), now, sampleLink);
        if (tally.cascade != null) {
            preflight = preflight
                .withCascade(tally.cascade.result(draft.cascade().order().name(), this.rates.table(), now));
        }
        if (address.verdict() == LinkAddress.Verdict.ERROR) {
            preflight.warnings().add(0, new Preflight.Warning("LINK_ADDRESS", address.message()));
        }
        else if (address.verdict() == LinkAddress.Verdict.WARNING) {
            preflight.warnings().add(new Preflight.Warning("LINK_ADDRESS_WARNING", address.message()));
        }
        for (String problem : linkProblems(draft)) {
            preflight.warnings().add(0, new Preflight.Warning("LINK_REFUSED", problem + " It cannot be launched."));
        }
        couponWarnings(draft, count.reachable() - tally.suppressed, preflight.warnings());
        if (!draft.goals().isEmpty()) {
            Duration sending = (tally.firstDue != null && tally.lastDue != null)
                    ? Duration.between(tally.firstDue, later(tally.lastDue, preflight.completesAt())) : Duration.ZERO;
            preflight.warnings()
                .addAll(org.smscampaign.campaign.goal.GoalPreflight.check(draft,
                        () -> this.conversions.anyForBrand(brandOf(draft).id()), sending));
        }
        return preflight;
    }

    /** A pool too small or a pattern too weak stops the launch; unused codes are odd. */
    private void couponWarnings(CampaignDraft draft, long reach, List<Preflight.Warning> warnings) {
        if (draft.coupons() == null) {
            return;
        }
        this.couponChecks.problem(draft, reach)
            .ifPresent((problem) -> warnings.add(0,
                    new Preflight.Warning(problem.poolShort() ? "COUPON_POOL_SHORT" : "COUPON_PATTERN_WEAK",
                            problem.message() + " It cannot be launched.")));
        if (!CouponChecks.anyUse(draft)) {
            warnings.add(new Preflight.Warning("COUPON_UNUSED",
                    "Each recipient gets a coupon code, but no text shows it: put {{coupon}} where the code goes."));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return (b != null && b.isAfter(a)) ? b : a;
    }

    private record Row(long id, String phone, String country, String region, String timeZone,
            Map<String, String> fields, Channel preferred, boolean whatsAppConsent) {

    }

    private void tally(List<Row> batch, Recipients recipients, CampaignTexts templates, String link, Tally tally) {
        Set<String> suppressed = this.optOuts.suppressedAmong(batch.stream().map(Row::phone).toList());
        Map<String, Set<Channel>> unreachable = (tally.cascade != null)
                ? this.reachability.unreachableAmong(batch.stream().map(Row::phone).toList()) : Map.of();
        for (Row row : batch) {
            if (suppressed.contains(row.phone())) {
                tally.suppressed++;
                continue;
            }
            Recipients.Decision decision = recipients.decide(row.id(), row.country(), row.region(), row.timeZone(),
                    null);
            switch (decision.role()) {
                case HOLDOUT -> tally.holdout++;
                case CAPPED -> tally.capped++;
                case WAITING -> tally.waiting++;
                case OUTSIDE -> tally.outside++;
                case SEND -> {
                    MessageTemplate template = templates.of(decision.variant(), row.country());
                    MessageTemplate.Rendered rendered = template.render(row.fields()::get,
                            java.util.Collections.nCopies(template.links().size(), link));
                    tally.add(decision, rendered, row.phone(), this.windows);
                    if (tally.cascade != null) {
                        tally.cascade.add(row.phone(), unreachable.getOrDefault(row.phone(), Set.of()),
                                row.whatsAppConsent(), row.preferred(), SmsText.of(rendered.text()).segments());
                    }
                }
            }
        }
    }

    /** The running sums of a preflight. */
    private static final class Tally {

        int suppressed;

        int holdout;

        int capped;

        int waiting;

        int outside;

        int deferred;

        int fellBack;

        int recipients;

        long segments;

        Instant firstDue;

        Instant lastDue;

        Instant earliestClose;

        final Map<Integer, Integer> segmentCounts = new TreeMap<>();

        final Map<String, VariantTally> variants = new LinkedHashMap<>();

        final CostEstimate cost;

        CascadeForecaster cascade;

        Tally(Set<String> labels, CostEstimate cost) {
            labels.forEach((label) -> this.variants.put(label, new VariantTally()));
            this.cost = cost;
        }

        void add(Recipients.Decision decision, MessageTemplate.Rendered rendered, String number,
                RecipientWindows windows) {
            SmsText text = SmsText.of(rendered.text());
            this.recipients++;
            this.segments += text.segments();
            this.segmentCounts.merge(text.segments(), 1, Integer::sum);
            this.cost.add(number, text.segments());
            if (rendered.fellBack()) {
                this.fellBack++;
            }
            if (decision.deferred()) {
                this.deferred++;
            }
            VariantTally variant = this.variants.get(decision.variant());
            variant.add(text, rendered.text());
            if (this.firstDue == null || decision.due().isBefore(this.firstDue)) {
                this.firstDue = decision.due();
            }
            if (this.lastDue == null || decision.due().isAfter(this.lastDue)) {
                this.lastDue = decision.due();
            }
            Instant scheduledNow = decision.due();
            if (decision.window() != null) {
                Instant close = closeAfter(decision.window(), scheduledNow);
                if (this.earliestClose == null || close.isBefore(this.earliestClose)) {
                    this.earliestClose = close;
                }
            }
        }

        private static Instant closeAfter(org.smscampaign.messaging.SendWindow window, Instant moment) {
            java.time.ZonedDateTime local = moment.atZone(window.zone());
            java.time.ZonedDateTime close = local
                .with(window.end().equals(java.time.LocalTime.MAX) ? java.time.LocalTime.of(23, 59) : window.end());
            return close.isAfter(local) ? close.toInstant() : close.plusDays(1).toInstant();
        }

        Preflight result(AudienceCount count, CampaignDraft draft, Map<String, MessageTemplate> templates,
                CampaignProperties properties, MessagingProperties messaging, RateTable rates, Instant now,
                String sampleLink) {
            MessagingProperties.Sender sender = messaging.senders().get(draft.sender());
            CostEstimate.Amount cost = this.cost.amount(rates, now);
            Instant completes = null;
            if (this.firstDue != null && sender != null && sender.segmentsPerSecond() > 0) {
                completes = this.firstDue
                    .plus(Duration.ofMillis((long) (this.segments * 1000 / sender.segmentsPerSecond())));
            }
            List<Preflight.VariantPreflight> variants = new ArrayList<>();
            this.variants.forEach((label, tally) -> variants.add(tally.result(label)));
            List<Preflight.Warning> warnings = warnings(draft, templates, properties, variants, completes);
            if (this.recipients > 0) {
                this.cost.warnings(warnings, rates, now);
            }
            if (count.landlines() > 0) {
                warnings.add(new Preflight.Warning("LANDLINES",
                        (count.landlines() == 1 ? "1 contact of the audience has a landline number"
                                : count.landlines() + " contacts of the audience have a landline number")
                                + " (landline, cannot receive SMS): left out."));
            }
            return new Preflight(this.recipients, (int) (count.matching() - count.reachable() - count.landlines()),
                    this.suppressed, this.capped, this.holdout, this.waiting, variants, this.segments,
                    this.segmentCounts, this.fellBack, this.outside, cost.value(), cost.currency(), completes, warnings,
                    sampleLink);
        }

        private List<Preflight.Warning> warnings(CampaignDraft draft, Map<String, MessageTemplate> templates,
                CampaignProperties properties, List<Preflight.VariantPreflight> variants, Instant completes) {
            List<Preflight.Warning> warnings = new ArrayList<>();
            if (draft.audience().isEmpty()) {
                warnings.add(new Preflight.Warning("NO_AUDIENCE", NO_AUDIENCE));
            }
            else if (this.recipients == 0) {
                warnings.add(new Preflight.Warning("NO_RECIPIENTS", "Nobody would get this campaign."));
            }
            templates.forEach((label, template) -> {
                if (!template.links().isEmpty() && template.plainWords() < 4) {
                    warnings.add(new Preflight.Warning("LINK_WITHOUT_CONTEXT",
                            "Variant " + label + ": the link has hardly any words around it; say what it leads to."));
                }
            });
            if (!draft.optOutLine()
                    && draft.variants().stream().anyMatch((v) -> !v.body().toUpperCase().contains("STOP"))) {
                warnings.add(new Preflight.Warning("NO_OPT_OUT",
                        "No opt-out line: marketing texts must tell how to stop them (\"Reply STOP to opt out\")."));
            }
            for (Preflight.VariantPreflight variant : variants) {
                if (variant.maxSegments() > properties.maxSegments()) {
                    warnings.add(new Preflight.Warning("TOO_MANY_SEGMENTS", "Variant " + variant.label()
                            + " takes up to " + variant.maxSegments() + " segments: each costs a message."));
                }
                if ("UCS2".equals(variant.encoding())) {
                    warnings.add(new Preflight.Warning("UCS2",
                            "Variant " + variant.label() + " is sent as UCS-2 (70 characters a segment) because of "
                                    + String.join(" ", variant.ucs2Characters()) + "."));
                }
            }
            abSample(draft, variants, warnings);
            if (this.fellBack > 0) {
                warnings.add(new Preflight.Warning("FALLBACKS",
                        this.fellBack + " recipients miss a merge field and get its fallback."));
            }
            if (this.deferred > 0) {
                warnings.add(new Preflight.Warning("OUTSIDE_WINDOW", this.deferred
                        + " recipients are outside their allowed hours at the scheduled time: their messages wait "
                        + "until the hours open."));
            }
            if (this.outside > 0) {
                warnings.add(new Preflight.Warning("OUTSIDE_WINDOW", this.outside
                        + " recipients are outside their allowed hours at the scheduled time and will be skipped."));
            }
            if (completes != null && this.earliestClose != null && completes.isAfter(this.earliestClose)) {
                warnings.add(new Preflight.Warning("THROUGHPUT",
                        "At the sender's pace the last message goes out at " + completes
                                + ", after some recipients' allowed hours end (first at " + this.earliestClose
                                + "); the rest wait for the next day."));
            }
            return warnings;
        }

        // A test share too small for the minimum sample can never find a winner.
        private void abSample(CampaignDraft draft, List<Preflight.VariantPreflight> variants,
                List<Preflight.Warning> warnings) {
            CampaignDraft.Winner winner = draft.winner();
            if (winner == null || this.recipients == 0) {
                return;
            }
            variants.stream()
                .filter((v) -> v.recipients() < winner.minimumSample())
                .findFirst()
                .ifPresent((v) -> warnings
                    .add(new Preflight.Warning("AB_SMALL_SAMPLE", String.format(java.util.Locale.ENGLISH,
                            "A/B test: variant %s goes to %,d people, fewer than the minimum sample of %,d delivered: "
                                    + "no variant can win for sure, so when the test ends %s. Raise the test share "
                                    + "or lower the minimum sample.",
                            v.label(), v.recipients(), winner.minimumSample(), fallbackInWords(winner.fallback())))));
        }

        private static String fallbackInWords(CampaignDraft.WinnerFallback fallback) {
            return switch (fallback) {
                case SEND_CONTROL -> "the control (variant A) goes to the rest";
                case SEND_HIGHER_RATE -> "the variant with the higher rate goes to the rest";
                case STOP -> "nobody else gets a message";
            };
        }

    }

    /** One variant's running sums. */
    private static final class VariantTally {

        int recipients;

        long segments;

        int min = Integer.MAX_VALUE;

        int max;

        boolean ucs2;

        final Set<String> ucs2Characters = new LinkedHashSet<>();

        String sample;

        void add(SmsText text, String rendered) {
            this.recipients++;
            this.segments += text.segments();
            this.min = Math.min(this.min, text.segments());
            this.max = Math.max(this.max, text.segments());
            if (text.encoding() == SmsText.Encoding.UCS2) {
                this.ucs2 = true;
                this.ucs2Characters.addAll(text.ucs2Characters());
            }
            if (this.sample == null) {
                this.sample = rendered;
            }
        }

        Preflight.VariantPreflight result(String label) {
            return new Preflight.VariantPreflight(label, this.recipients, this.ucs2 ? "UCS2" : "GSM7",
                    Set.copyOf(this.ucs2Characters), (this.recipients > 0) ? this.min : 0, this.max, this.segments,
                    this.sample);
        }

    }

}
