package org.smscampaign.web.report;

import java.security.Principal;
import java.time.LocalDate;

import org.smscampaign.report.ReportHistory;
import org.smscampaign.web.bulkhead.ExpensiveRead;

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
 * Reports in the browser: the daily, weekly and monthly summaries and the summary of any
 * range of days, in the account's zone, sent by e-mail on demand, and the history of
 * every report produced.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

    private static final String STORED_MAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Summaries summaries;

    private final SummaryMailer mailer;

    private final ReportHistory history;

    private final ReportSettings settings;

    ReportPages(Summaries summaries, SummaryMailer mailer, ReportHistory history, ReportSettings settings) {
        this.summaries = summaries;
        this.mailer = mailer;
        this.history = history;
        this.settings = settings;
    }

    @GetMapping
    String summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = this.summaries.today();
        ReportRange range = ReportRange.of(from, to, today);
        model.addAttribute("zone", this.summaries.zone().getId());
        model.addAttribute("from", range.from());
        model.addAttribute("to", range.to());
        model.addAttribute("range", range);
        model.addAttribute("shortcuts", ReportRange.shortcuts(today));
        model.addAttribute("recipients", this.settings.current().recipients());
        String problem = range.problem();
        if (problem != null) {
            model.addAttribute("error", problem);
            return "reports/index";
        }
        model.addAttribute("summary", this.summaries.range(range).summary());
        model.addAttribute("baseUrl", "");
        return "reports/index";
    }

    /** A daily, weekly or monthly summary: the period holding the day (today if none). */
    @ExpensiveRead
    @GetMapping("/{kind:daily|weekly|monthly}")
    String period(@PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        SummaryPeriod period = this.summaries.period(SummaryKind.of(kind), date);
        model.addAttribute("kind", period.kind());
        model.addAttribute("period", period);
        model.addAttribute("today", this.summaries.today());
        model.addAttribute("doc", this.summaries.document(period));
        model.addAttribute("recipients", this.settings.current().recipients());
        model.addAttribute("baseUrl", "");
        return "reports/summary-page";
    }

    /**
     * E-mails a daily, weekly or monthly summary now (kept in the history as on demand).
     */
    @PostMapping("/{kind:daily|weekly|monthly}/send")
    String sendPeriod(@PathVariable String kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Principal principal,
            RedirectAttributes redirect) {
        SummaryDocument document = this.summaries.document(SummaryKind.of(kind), date);
        long id = this.history.start(document.from(), document.to(), principal.getName());
        flash(redirect, document.title(), this.mailer.produce(id, document));
        return "redirect:/reports/history";
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
        SummaryDocument document = this.summaries.range(new ReportRange(from, to));
        long id = this.history.start(document.from(), document.to(), principal.getName());
        flash(redirect, document.title(), this.mailer.produce(id, document));
        return "redirect:/reports/history";
    }

    private void flash(RedirectAttributes redirect, String title, ReportHistory.Delivery delivery) {
        switch (delivery) {
            case SENT -> redirect.addFlashAttribute("success",
                    title + " e-mailed to " + this.settings.current().recipients().size() + " recipient(s).");
            case NOT_SENT -> redirect.addFlashAttribute("success",
                    title + " kept in the history (not e-mailed: no SMTP server or no recipients configured).");
            default -> redirect.addFlashAttribute("error", title + " could not be e-mailed: see the history.");
        }
    }

    @GetMapping("/history")
    String history(Model model) {
        model.addAttribute("reports", this.history.recent(100));
        model.addAttribute("zone", this.summaries.zone());
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
