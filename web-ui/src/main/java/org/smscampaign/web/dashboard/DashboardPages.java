package org.smscampaign.web.dashboard;

import java.util.Map;

import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.report.CampaignOverview;
import org.smscampaign.report.CampaignReport;
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

    private final ReplicaReads replica;

    DashboardPages(CampaignReports reports, CampaignDashboard dashboard, ReplicaReads replica) {
        this.replica = replica;
        this.reports = reports;
        this.dashboard = dashboard;
    }

    @GetMapping
    String overview(Model model) {
        CampaignOverview overview = overview();
        model.addAttribute("overview", overview);
        model.addAttribute("heat", HeatMap.of(overview.bestTime()));
        model.addAttribute("minimumSample", CampaignOverview.MINIMUM_SAMPLE);
        model.addAttribute("definitions", MetricDefinitions.ALL);
        return "dashboards/index";
    }

    @GetMapping("/campaigns.csv")
    ResponseEntity<byte[]> campaignsCsv() {
        return CsvDownloads.of("campaigns.csv", ReportTables.campaigns(overview()));
    }

    @GetMapping("/weeks.csv")
    ResponseEntity<byte[]> weeksCsv() {
        CampaignOverview overview = overview();
        return CsvDownloads.of("weeks.csv", ReportTables.weeks(overview));
    }

    @GetMapping("/best-time.csv")
    ResponseEntity<byte[]> bestTimeCsv() {
        return CsvDownloads.of("best-time.csv", ReportTables.bestTime(overview()));
    }

    @GetMapping("/channels.csv")
    ResponseEntity<byte[]> channelsCsv() {
        return CsvDownloads.of("channels.csv", ReportTables.channels(overview().channels()));
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        this.dashboard.fill(report(id), model);
        return CampaignDashboard.VIEW;
    }

    @GetMapping("/campaigns/{id}/{table}.csv")
    ResponseEntity<byte[]> campaignCsv(@PathVariable long id, @PathVariable String table) {
        if (!ReportTables.knows(table)) {
            return ResponseEntity.notFound().build();
        }
        return CsvDownloads.of("campaign-" + id + "-" + table + ".csv", ReportTables.of(report(id), table));
    }

    /** Dashboards only read: on the read replica while it keeps up. */
    private CampaignOverview overview() {
        return this.replica.read(() -> this.reports.overview(WEEKS));
    }

    private CampaignReport report(long id) {
        return this.replica.read(() -> this.reports.report(id));
    }

    @ExceptionHandler(CampaignProblem.class)
    ModelAndView problem(CampaignProblem ex) {
        return new ModelAndView("error/404", Map.of("status", 404, "reason", "Not Found"), HttpStatus.NOT_FOUND);
    }

}
