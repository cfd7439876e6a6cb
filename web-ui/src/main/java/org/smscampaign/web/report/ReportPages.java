package org.smscampaign.web.report;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.smscampaign.report.ReportHistory;
import org.smscampaign.report.SummaryReports;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports in the browser: the summary of any range of days (fit for printing to PDF),
 * sent by e-mail on demand, and the history of every report produced.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private static final String STORED_MAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final SummaryReports summaries;

    private final SummaryMailer mailer;

    private final ReportHistory history;

    private final ReportProperties properties;

    private final Clock clock;

    ReportPages(SummaryReports summaries, SummaryMailer mailer, ReportHistory history, ReportProperties properties,
            Clock clock) {
        this.summaries = summaries;
        this.mailer = mailer;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
        ReportRange range = ReportRange.of(from, to, today);
        model.addAttribute("from", range.from());
        model.addAttribute("to", range.to());
        model.addAttribute("range", range);
        model.addAttribute("shortcuts", ReportRange.shortcuts(today));
        model.addAttribute("recipients", this.properties.recipients());
        String problem = range.problem();
        if (problem != null) {
            model.addAttribute("error", problem);
            return "reports/index";
        }
        model.addAttribute("summary", this.summaries.summary(range.start(), range.end()));
        model.addAttribute("baseUrl", "");
        return "reports/index";
    }

    @PostMapping("/send")
    String send(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Principal principal,
            RedirectAttributes redirect) {
        String problem = new ReportRange(from, to).problem();
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
            return "redirect:/reports";
        }
        long id = this.history.start(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), principal.getName());
        String title = from.equals(to) ? "Summary " + from + " (UTC)" : "Summary " + from + " to " + to + " (UTC)";
        ReportHistory.Delivery delivery = this.mailer.produce(id, from, to, title);
        switch (delivery) {
            case SENT -> redirect.addFlashAttribute("success",
                    title + " e-mailed to " + this.properties.recipients().size() + " recipient(s).");
            case NOT_SENT -> redirect.addFlashAttribute("success",
                    title + " kept in the history (not e-mailed: " + "no SMTP server or no recipients configured).");
            default -> redirect.addFlashAttribute("error", title + " could not be e-mailed: see the history.");
        }
        return "redirect:/reports/history";
    }

    @GetMapping("/history")
    String history(Model model) {
        model.addAttribute("reports", this.history.recent(100));
        return "reports/history";
    }

    @GetMapping("/history/{id}")
    ResponseEntity<String> report(@PathVariable long id) {
        return this.history.html(id)
            .map((html) -> ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                // The e-mail as sent: styled inline (mail clients drop style sheets), no
                // script.
                .header("Content-Security-Policy", STORED_MAIL_POLICY)
                .body(html))
            .orElseGet(() -> ResponseEntity.notFound().build());
    }

}
