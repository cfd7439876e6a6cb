package org.smscampaign.web.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;

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
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportApiController {

    private final CampaignReports reports;

    ReportApiController(CampaignReports reports) {
        this.reports = reports;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "All launched campaigns with headline figures and goal verdicts, and weekly trends",
            description = "The same money as each campaign's dashboard, in the reporting currency; a row with "
                    + "`incomplete` has amounts without an exchange rate left out.")
    CampaignOverview overview(@RequestParam(defaultValue = "12") int weeks) {
        return this.reports.overview(Math.max(1, Math.min(weeks, 104)));
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
        return this.reports.report(id);
    }

}
