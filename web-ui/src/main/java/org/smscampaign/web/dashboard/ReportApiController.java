package org.smscampaign.web.dashboard;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.PeriodSummary;
import org.smscampaign.web.bulkhead.ExpensiveRead;
import org.smscampaign.web.report.ReportRange;
import org.smscampaign.web.report.Summaries;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards' figures over REST: the same reports the pages and CSV files show, by
 * the definitions of docs/metrics.md.
 */
@RestController
@ExpensiveRead
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportApiController {

    private final CampaignReports reports;

    private final Summaries summaries;

    private final ReplicaReads replica;

    ReportApiController(CampaignReports reports, Summaries summaries, ReplicaReads replica) {
        this.replica = replica;
        this.reports = reports;
        this.summaries = summaries;
    }

    @GetMapping(value = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The summary report of a range of days: each campaign's events in it, and the total",
            description = "The figures of the Reports page, for the days `from` to `to` in the account's time zone (both inclusive, ISO "
                    + "dates; without either: the last 7 days up to today; at most 366 days). Money in the "
                    + "reporting currency; amounts without an exchange rate are left out of the sums and listed in "
                    + "`unconverted`. As CSV with `format=csv` or `Accept: text/csv`. Definitions: docs/metrics.md.")
    PeriodSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return this.summaries.range(range(from, to)).summary();
    }

    @GetMapping(value = "/summary", produces = "text/csv")
    @Operation(summary = "The summary report of a range of days as CSV",
            description = "One row per campaign and a last row `0,All campaigns` with the total; rates and money "
                    + "rounded to two decimals.")
    ResponseEntity<byte[]> summaryCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportRange range = range(from, to);
        return CsvDownloads.of("summary-" + range.from() + "-" + range.to() + ".csv",
                ReportTables.summary(this.summaries.range(range).summary()));
    }

    /** The CSV for a link (a browser's download sends no Accept: text/csv). */
    @Hidden
    @GetMapping(value = "/summary", params = "format=csv")
    ResponseEntity<byte[]> summaryCsvByParameter(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return summaryCsv(from, to);
    }

    private ReportRange range(LocalDate from, LocalDate to) {
        ReportRange range = ReportRange.of(from, to, this.summaries.today());
        String problem = range.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return range;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "All launched campaigns with headline figures and goal verdicts, and weekly trends",
            description = "The same money as each campaign's dashboard, in the reporting currency; a row with "
                    + "`incomplete` has amounts without an exchange rate left out.")
    CampaignOverview overview(@RequestParam(defaultValue = "12") int weeks) {
        return this.replica.read(() -> this.reports.overview(Math.max(1, Math.min(weeks, 104))));
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "A campaign's dashboard: funnel, rates, money, goals, variants, hourly series, breakdowns",
            description = "Money is in the reporting currency (`currency`). Message cost: the price the provider "
                    + "stated for each message (fetched after sending), else the price table's price for its channel "
                    + "and destination country × segments (`money.pricing` counts each source); other costs of the "
                    + "campaign (fixed, per conversion) are added. Amounts in other currencies are converted at the "
                    + "exchange-rate table's rate of their own day; those without a rate are left out of every sum and "
                    + "listed in `money.unconverted`. Human clickers count hits classified as people (previews, "
                    + "bots, scanners and the like excluded, listed in `excluded`). Definitions: docs/metrics.md.")
    CampaignReport campaign(@PathVariable long id) {
        return this.replica.read(() -> this.reports.report(id));
    }

}
