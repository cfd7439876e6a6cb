package org.smscampaign.web.dashboard;

import java.util.Map;

import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.bulkhead.ExpensiveRead;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Dashboards section: the overview of all campaigns with weekly trends, each
 * campaign's dashboard (kept live by dashboard.js through the REST API), and every table
 * as CSV.
 */
@Controller
@ExpensiveRead
@RequestMapping("/dashboards")
class DashboardPages {

    private static final int WEEKS = 12;

    private final CampaignReports reports;

    private final CampaignDashboard dashboard;

    DashboardPages(CampaignReports reports, CampaignDashboard dashboard) {
        this.reports = reports;
        this.dashboard = dashboard;
    }

    @GetMapping
    String overview(Model model) {
        CampaignOverview overview = this.reports.overview(WEEKS);
        model.addAttribute("overview", overview);
        model.addAttribute("heat", HeatMap.of(overview.bestTime()));
        model.addAttribute("minimumSample", CampaignOverview.MINIMUM_SAMPLE);
        model.addAttribute("definitions", MetricDefinitions.ALL);
        return "dashboards/index";
    }

    @GetMapping("/campaigns.csv")
    ResponseEntity<byte[]> campaignsCsv() {
        return CsvDownloads.of("campaigns.csv", ReportTables.campaigns(this.reports.overview(WEEKS)));
    }

    @GetMapping("/weeks.csv")
    ResponseEntity<byte[]> weeksCsv() {
        CampaignOverview overview = this.reports.overview(WEEKS);
        return CsvDownloads.of("weeks.csv", ReportTables.weeks(overview));
    }

    @GetMapping("/best-time.csv")
    ResponseEntity<byte[]> bestTimeCsv() {
        return CsvDownloads.of("best-time.csv", ReportTables.bestTime(this.reports.overview(WEEKS)));
    }

    @GetMapping("/channels.csv")
    ResponseEntity<byte[]> channelsCsv() {
        return CsvDownloads.of("channels.csv", ReportTables.channels(this.reports.overview(WEEKS).channels()));
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        this.dashboard.fill(this.reports.report(id), model);
        return CampaignDashboard.VIEW;
    }

    @GetMapping("/campaigns/{id}/{table}.csv")
    ResponseEntity<byte[]> campaignCsv(@PathVariable long id, @PathVariable String table) {
        if (!ReportTables.knows(table)) {
            return ResponseEntity.notFound().build();
        }
        return CsvDownloads.of("campaign-" + id + "-" + table + ".csv",
                ReportTables.of(this.reports.report(id), table));
    }

    @ExceptionHandler(CampaignProblem.class)
    ModelAndView problem(CampaignProblem ex) {
        return new ModelAndView("error/404", Map.of("status", 404, "reason", "Not Found"), HttpStatus.NOT_FOUND);
    }

}
