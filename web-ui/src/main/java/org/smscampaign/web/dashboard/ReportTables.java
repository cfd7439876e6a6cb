package org.smscampaign.web.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.PeriodSummary;

/**
 * Every table of the dashboards as rows for CSV: the same report the page shows, so a
 * downloaded figure is the figure on screen.
 */
final class ReportTables {

    /** A table: its column names and rows. */
    record Table(List<String> header, List<List<Object>> rows) {

    }

    private static final Map<String, Function<CampaignReport, Table>> CAMPAIGN = Map.ofEntries(
            Map.entry("funnel", ReportTables::funnel), Map.entry("rates", ReportTables::rates),
            Map.entry("money", ReportTables::money), Map.entry("costs", ReportTables::costs),
            Map.entry("channels", ReportTables::channels), Map.entry("goals", ReportTables::goals),
            Map.entry("variants", ReportTables::variants), Map.entry("series", ReportTables::series),
            Map.entry("links", ReportTables::links), Map.entry("exclusions", ReportTables::exclusions),
            Map.entry("delays", ReportTables::delays), Map.entry("audience", ReportTables::audience),
            Map.entry("holdout", ReportTables::holdout), Map.entry("steps", ReportTables::steps),
            Map.entry("channel-results", ReportTables::channelResults), Map.entry("savings", ReportTables::savings),
            Map.entry("responses", ReportTables::responses));

    private ReportTables() {
    }

    static boolean knows(String name) {
        return CAMPAIGN.containsKey(name);
    }

    static Table of(CampaignReport report, String name) {
        return CAMPAIGN.get(name).apply(report);
    }

    private static Table funnel(CampaignReport report) {
        CampaignReport.Funnel f = report.funnel();
        return pairs("stage", "count", "audience", f.audience(), "holdout", f.holdout(), "capped", f.capped(),
                "waiting_for_winner", f.waiting(), "messages", f.messages(), "pending", f.pending(), "sent", f.sent(),
                "delivered", f.delivered(), "failed", f.failed(), "undelivered", f.undelivered(), "unknown",
                f.unknown(), "suppressed", f.suppressed(), "skipped", f.skipped(), "canceled", f.canceled(), "clickers",
                f.clickers(), "human_clickers", f.humanClickers(), "conversions", f.conversions(), "hits", f.hits(),
                "human_hits", f.humanHits());
    }

    private static Table rates(CampaignReport report) {
        CampaignReport.Rates r = report.rates();
        return pairs("rate", "percent", "delivery_rate", r.delivery(), "human_ctr", r.humanCtr(), "raw_ctr", r.rawCtr(),
                "conversion_rate_per_delivered", r.conversionPerDelivered(), "conversion_rate_per_click",
                r.conversionPerClick(), "opt_out_rate", r.optOut(), "reply_rate", r.reply());
    }

    /** The response funnel: counts, rates and the median time to a first answer. */
    private static Table responses(CampaignReport report) {
        CampaignReport.Responses r = report.responses();
        Table figures = pairs("figure", "value", "delivered", r.delivered(), "responders", r.responders(), "queries",
                r.queries(), "answered", r.answered(), "waiting_for_answer", r.waiting(), "median_first_answer_seconds",
                r.medianFirstAnswerSeconds(), "responders_converted", r.converted(), "response_rate", r.responseRate(),
                "query_rate", r.queryRate(), "answer_rate", r.answerRate(), "responder_conversion_rate",
                r.responderConversionRate(), "clickers_converted", r.clickerConverters(), "clicker_conversion_rate",
                r.clickerConversionRate(), "attribution_days", r.attributionDays());
        List<List<Object>> rows = new ArrayList<>(figures.rows());
        for (CampaignReport.VariantResponses v : r.variants()) {
            String prefix = "variant_" + v.label() + "_";
            rows.add(Arrays.asList(prefix + "delivered", v.delivered()));
            rows.add(Arrays.asList(prefix + "responders", v.responders()));
            rows.add(Arrays.asList(prefix + "queries", v.queries()));
            rows.add(Arrays.asList(prefix + "answered", v.answered()));
            rows.add(Arrays.asList(prefix + "responders_converted", v.converted()));
            rows.add(Arrays.asList(prefix + "response_rate", v.responseRate()));
        }
        return new Table(figures.header(), rows);
    }

    private static Table money(CampaignReport report) {
        CampaignReport.Money m = report.money();
        Table figures = pairs("figure", "amount_" + report.currency(), "message_cost", m.messageCost(), "fixed_costs",
                m.fixedCosts(), "conversion_costs", m.conversionCosts(), "cost", m.cost(), "revenue", m.revenue(),
                "profit", m.profit(), "roi_percent", m.roi(), "cost_per_click", m.costPerClick(), "cost_per_conversion",
                m.costPerConversion(), "cascade_savings", m.cascadeSavings(), "messages_priced_by_provider",
                m.pricing().providerPriced(), "messages_priced_by_table", m.pricing().estimated(),
                "messages_without_price", m.pricing().unpriced());
        List<List<Object>> rows = new ArrayList<>(figures.rows());
        // What no rate converts: in its own currency, left out of the sums above.
        m.unconverted()
            .forEach((u) -> rows.add(
                    Arrays.asList("not_converted_" + u.figure().toLowerCase(java.util.Locale.ROOT) + "_" + u.currency(),
                            u.amount())));
        return new Table(figures.header(), rows);
    }

    private static Table costs(CampaignReport report) {
        return table(List.of("cost", "kind", "unit_amount", "amount_" + report.currency()), report.money().otherCosts(),
                (c) -> List.of(c.label(), c.kind(), c.unitAmount(), c.amount()));
    }

    private static Table channels(CampaignReport report) {
        return channels(report.money().channels());
    }

    static Table channels(List<CampaignReport.ChannelCost> channels) {
        return table(List.of("channel", "messages", "delivered", "message_cost", "cost_per_delivered"), channels,
                (c) -> List.of(c.channel(), c.messages(), c.delivered(), c.cost(), nullable(c.costPerDelivered())));
    }

    /** By cascade step, and a last row for clicks and conversions nothing delivered. */
    private static Table steps(CampaignReport report) {
        CampaignReport.Cascade cascade = report.cascade();
        String currency = "_" + report.currency();
        Table steps = table(
                List.of("step", "channel", "messages", "sent", "delivered", "read", "failed", "handed_on", "withdrawn",
                        "pending", "won", "human_clickers", "conversions", "revenue"
                                + currency,
                        "message_cost" + currency, "delivery_median_seconds", "delivery_p90_seconds",
                        "chain_median_seconds", "chain_p90_seconds"),
                (cascade != null) ? cascade.steps() : List.of(),
                (s) -> List.of(s.step(), s.channel(), s.messages(), s.sent(), s.delivered(), s.read(), s.failed(),
                        s.handedOn(), s.withdrawn(), s.pending(), s.won(), s.humanClickers(), s.conversions(),
                        s.revenue(), s.cost(), nullable(s.deliveryMedianSeconds()), nullable(s.deliveryP90Seconds()),
                        nullable(s.chainMedianSeconds()), nullable(s.chainP90Seconds())));
        if (cascade == null) {
            return steps;
        }
        List<List<Object>> rows = new ArrayList<>(steps.rows());
        CampaignReport.Unattributed lost = cascade.notDelivered();
        rows.add(Arrays.asList("", "NOT_DELIVERED", "", "", "", "", "", "", "", "", "", lost.humanClickers(),
                lost.conversions(), lost.revenue(), "", "", "", "", ""));
        return new Table(steps.header(), rows);
    }

    private static Table channelResults(CampaignReport report) {
        CampaignReport.Cascade cascade = report.cascade();
        String currency = "_" + report.currency();
        return table(
                List.of("channel", "messages", "sent", "delivered", "read", "failed", "handed_on", "won",
                        "human_clickers", "conversions", "revenue" + currency, "message_cost"
                                + currency,
                        "cost_per_delivered" + currency),
                (cascade != null) ? cascade.channels() : List.of(),
                (c) -> List.of(c.channel(), c.messages(), c.sent(), c.delivered(), c.read(), c.failed(), c.handedOn(),
                        c.won(), c.humanClickers(), c.conversions(), c.revenue(), c.cost(),
                        nullable(c.costPerDelivered())));
    }

    private static Table savings(CampaignReport report) {
        CampaignReport.Savings s = (report.cascade() != null) ? report.cascade().savings() : null;
        if (s == null) {
            return new Table(List.of("figure", "amount_" + report.currency()), List.of());
        }
        return pairs("figure", "amount_" + report.currency(), "cascades", s.chains(), "sms_only_cost", s.smsOnlyCost(),
                "cascade_cost", s.cascadeCost(), "saved", s.saved(), "saved_percent", nullable(s.percent()));
    }

    private static Table goals(CampaignReport report) {
        return table(
                List.of("metric", "target", "actual", "verdict", "evaluation_ends_at", "event", "direction",
                        "original_target", "judged_at", "after_judgement", "target_changes"),
                report.goals(),
                (g) -> List.of(g.metric().name(), g.target(), nullable(g.actual()), g.verdict().name(),
                        nullable(report.evaluationEndsAt()), g.event(), g.direction().name(),
                        nullable(g.originalTarget()), nullable(g.judgedAt()), nullable(g.afterJudgement()),
                        String.join("; ",
                                g.changes()
                                    .stream()
                                    .map((c) -> c.at() + " " + c.by() + " "
                                            + ((c.from() != null) ? c.from().toPlainString() : "none") + " -> "
                                            + ((c.to() != null) ? c.to().toPlainString() : "removed"))
                                    .toList())));
    }

    private static Table variants(CampaignReport report) {
        return table(
                List.of("variant", "sent", "delivered", "human_clickers", "human_ctr", "conversions", "revenue",
                        "ctr_difference_points", "confidence_percent", "winner", "always_valid_p", "ab_needs_delivered",
                        "ab_decision"),
                report.variants(),
                (v) -> List.of(v.label(), v.sent(), v.delivered(), v.humanClickers(), nullable(v.humanCtr()),
                        v.conversions(), v.revenue(), nullable(v.ctrDifference()), nullable(v.confidence()), v.winner(),
                        nullable(v.alwaysValidP()), nullable(v.needsMore()), nullable(v.decision())));
    }

    private static Table series(CampaignReport report) {
        return table(List.of("hour_utc", "sent", "delivered", "human_hits", "human_clickers", "conversions"),
                report.series(),
                (p) -> List.of(p.hour(), p.sent(), p.delivered(), p.humanHits(), p.humanClickers(), p.conversions()));
    }

    private static Table links(CampaignReport report) {
        return table(List.of("destination", "hits", "human_clickers"), report.links(),
                (b) -> List.of(b.key(), b.hits(), b.humanClickers()));
    }

    private static Table exclusions(CampaignReport report) {
        return table(List.of("reason", "hits"), report.excluded(), (b) -> List.of(b.key(), b.hits()));
    }

    private static Table holdout(CampaignReport report) {
        CampaignReport.Holdout h = report.holdout();
        if (h == null) {
            return pairs("figure", "value");
        }
        return pairs("figure", "value", "holdout_contacts", h.holdout(), "holdout_converters", h.holdoutConverters(),
                "holdout_conversion_rate", h.holdoutRate(), "treated_contacts", h.treated(), "treated_converters",
                h.treatedConverters(), "treated_conversion_rate", h.treatedRate(), "lift_points", h.lift(),
                "confidence_percent", h.confidence());
    }

    private static Table audience(CampaignReport report) {
        return table(List.of("dimension", "value", "delivered", "human_clickers", "human_ctr", "conversions"),
                report.audience(), (s) -> List.of(s.dimension(), s.value(), s.delivered(), s.humanClickers(),
                        nullable(s.humanCtr()), s.conversions()));
    }

    private static Table delays(CampaignReport report) {
        return table(List.of("hours_after_delivery", "human_clickers"), report.clicksAfterDelivery(),
                (d) -> List.of((d.hours() != null) ? d.hours() : "unknown", d.humanClickers()));
    }

    static Table campaigns(CampaignOverview overview) {
        return table(
                List.of("id", "name", "status", "launched_at", "sent", "delivered", "delivery_rate", "human_clickers",
                        "human_ctr", "conversions", "revenue", "cost", "profit", "roi_percent", "goals", "responders",
                        "response_rate", "queries", "query_rate"),
                overview.campaigns(),
                (r) -> List.of(r.id(), r.name(), r.status().name(), nullable(r.launchedAt()), r.sent(), r.delivered(),
                        nullable(r.deliveryRate()), r.humanClickers(), nullable(r.humanCtr()), r.conversions(),
                        r.revenue(), r.cost(), r.profit(), nullable(r.roi()),
                        String.join("; ",
                                r.goals().stream().map((g) -> g.metric().name() + " " + g.verdict().name()).toList()),
                        r.responders(), nullable(r.responseRate()), r.queries(), nullable(r.queryRate())));
    }

    /** The summary report of a period: a row per campaign, then the total (id 0). */
    static Table summary(PeriodSummary summary) {
        List<PeriodSummary.CampaignPeriod> rows = new ArrayList<>(summary.campaigns());
        if (!rows.isEmpty()) {
            rows.add(summary.total());
        }
        String currency = "_" + summary.currency();
        return table(List
            .of("id", "name", "status", "sent", "delivered", "failed", "undelivered", "delivery_rate", "human_clickers",
                    "human_ctr", "conversions", "revenue" + currency, "message_cost"
                            + currency,
                    "other_costs" + currency, "cost" + currency, "profit" + currency, "roi_percent", "goals",
                    "cascade_savings" + currency, "responders", "response_rate", "queries", "query_rate"),
                rows,
                (c) -> List.of(c.id(), c.name(), nullable(c.status()), c.sent(), c.delivered(), c.failed(),
                        c.undelivered(), nullable(c.deliveryRate()), c.humanClickers(), nullable(c.humanCtr()),
                        c.conversions(), c.revenue(), c.messageCost(), c.otherCosts(), c.cost(), c.profit(),
                        nullable(c.roi()),
                        (c.goals() != null) ? String.join("; ",
                                c.goals().stream().map((g) -> g.metric().name() + " " + g.verdict().name()).toList())
                                : "",
                        nullable(c.cascadeSavings()), c.responders(), nullable(c.responseRate()), c.queries(),
                        nullable(c.queryRate())));
    }

    static Table bestTime(CampaignOverview overview) {
        return table(List.of("weekday", "hour", "delivered", "human_clickers", "human_ctr"), overview.bestTime(),
                (t) -> List.of(java.time.DayOfWeek.of(t.weekday()).name(), t.hour(), t.delivered(), t.humanClickers(),
                        nullable(t.humanCtr())));
    }

    static Table weeks(CampaignOverview overview) {
        return table(
                List.of("week_utc", "sent", "delivered", "human_clickers", "human_ctr", "conversions", "revenue",
                        "cost"),
                overview.weeks(), (w) -> List.of(w.week(), w.sent(), w.delivered(), w.humanClickers(),
                        nullable(w.humanCtr()), w.conversions(), w.revenue(), w.cost()));
    }

    private static <T> Table table(List<String> header, List<T> items, Function<T, List<Object>> row) {
        return new Table(header, items.stream().map(row).toList());
    }

    private static Table pairs(String keyName, String valueName, Object... pairs) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rows.add(Arrays.asList(pairs[i], pairs[i + 1]));
        }
        return new Table(List.of(keyName, valueName), rows);
    }

    /** An empty cell for a value that has none (List.of refuses null). */
    private static Object nullable(Object value) {
        return (value != null) ? value : "";
    }

}
