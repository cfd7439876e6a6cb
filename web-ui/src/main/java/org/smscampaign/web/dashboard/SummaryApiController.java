package org.smscampaign.web.dashboard;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.web.report.Summaries;
import org.smscampaign.web.report.SummaryDocument;
import org.smscampaign.web.report.SummaryKind;
import org.smscampaign.web.report.SummaryPdf;
import org.smscampaign.web.bulkhead.ExpensiveRead;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily, weekly and monthly summaries over REST, as JSON, CSV or PDF: the period holding
 * a day in the account's time zone, as the Reports page shows it.
 */
@RestController
@ExpensiveRead
@RequestMapping("/api/v1/reports/summaries")
@Tag(name = "Reports")
class SummaryApiController {

    private static final String PDF = "application/pdf";

    private final Summaries summaries;

    private final SummaryPdf pdf;

    SummaryApiController(Summaries summaries, SummaryPdf pdf) {
        this.summaries = summaries;
        this.pdf = pdf;
    }

    @GetMapping(value = "/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A daily, weekly or monthly summary: figures per campaign, bottom line, goals, alerts",
            description = "The period of `kind` (daily, weekly = ISO week from Monday, monthly) holding `date` "
                    + "(ISO date; today when left out), with days from local midnight to local midnight in the "
                    + "account's time zone (`timeZone`). `summary.total` is the bottom line (revenue, cost, "
                    + "profit, ROI in the reporting currency); each campaign lists its goals as judged or as they "
                    + "stand; `alerts` are those raised in the period. `complete` is false while the period runs. "
                    + "As CSV with `format=csv` or `Accept: text/csv`, as PDF with `format=pdf` or "
                    + "`Accept: application/pdf`. Definitions: docs/metrics.md.")
    SummaryDocument summary(@Parameter(description = "daily, weekly or monthly") @PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return this.summaries.document(SummaryKind.of(kind), date);
    }

    @GetMapping(value = "/{kind}", produces = "text/csv")
    @Operation(summary = "A daily, weekly or monthly summary as CSV",
            description = "One row per campaign and a last row `0,All campaigns` with the bottom line; the columns "
                    + "of the range summary's CSV.")
    ResponseEntity<byte[]> summaryCsv(@PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        SummaryDocument document = this.summaries.document(SummaryKind.of(kind), date);
        return CsvDownloads.of(document.fileName() + ".csv", ReportTables.summary(document.summary()));
    }

    @GetMapping(value = "/{kind}", produces = PDF)
    @Operation(summary = "A daily, weekly or monthly summary as PDF",
            description = "Title, period and time zone, bottom line, the table of campaigns, goals and alerts; "
                    + "A4 landscape.")
    ResponseEntity<byte[]> summaryPdf(@PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        SummaryDocument document = this.summaries.document(SummaryKind.of(kind), date);
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(PDF))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(document.fileName() + ".pdf").build().toString())
            .body(this.pdf.render(document));
    }

    /** The formats for links (a browser's download sends no specific Accept). */
    @Hidden
    @GetMapping(value = "/{kind}", params = "format")
    ResponseEntity<?> byFormat(@PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String format) {
        return switch (format) {
            case "csv" -> summaryCsv(kind, date);
            case "pdf" -> summaryPdf(kind, date);
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary(kind, date));
            default -> throw new IllegalArgumentException("The format is json, csv or pdf, not “" + format + "”.");
        };
    }

}
