package org.smscampaign.web.share;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.web.bulkhead.ExpensiveRead;
import org.smscampaign.web.dashboard.CampaignDashboard;
import org.smscampaign.web.error.ProblemType;
import org.smscampaign.web.report.Summaries;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What a shared link opens, for anyone holding it, without signing in: the campaign's
 * dashboard or the summary, read-only, in a layout without navigation. A token this
 * server never signed, or of a share that does not exist, is not found (404); an expired
 * or revoked one is gone (410). Neither page tells what the link showed.
 */
@Controller
@RequestMapping("/shared")
class SharedPages {

    private final Shares shares;

    private final CampaignReports reports;

    private final Summaries summaries;

    private final CampaignDashboard dashboard;

    private final ShareLimiter limiter;

    private final ReplicaReads replica;

    SharedPages(Shares shares, CampaignReports reports, Summaries summaries, CampaignDashboard dashboard,
            ShareLimiter limiter, ReplicaReads replica) {
        this.replica = replica;
        this.shares = shares;
        this.reports = reports;
        this.summaries = summaries;
        this.dashboard = dashboard;
        this.limiter = limiter;
    }

    @ExpensiveRead
    @GetMapping("/{token}")
    String open(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        privateToThisVisitor(response);
        if (!this.limiter.tryRequest(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "shared/busy";
        }
        Shares.Opening opening = this.shares.open(token);
        if (opening.outcome() == Shares.Opening.Outcome.GONE) {
            response.setStatus(HttpStatus.GONE.value());
            return "shared/gone";
        }
        if (opening.outcome() == Shares.Opening.Outcome.UNKNOWN) {
            return unknown(response);
        }
        ShareLink link = opening.link();
        model.addAttribute("shared", true);
        model.addAttribute("share", link);
        if (link.kind() == ShareLink.Kind.CAMPAIGN) {
            CampaignReport report;
            try {
                report = this.replica.read(() -> this.reports.report(link.campaignId()));
            }
            catch (CampaignProblem ex) {
                return unknown(response);
            }
            this.dashboard.fill(SharedFigures.of(report), model);
            model.addAttribute("reportUrl", "/shared/" + token + "/report");
            model.addAttribute("minimumGroup", SharedFigures.MINIMUM_GROUP);
            return CampaignDashboard.VIEW;
        }
        model.addAttribute("doc", this.summaries.days(link.summaryFrom(), link.summaryTo()));
        return "shared/summary";
    }

    /**
     * The shared dashboard's figures as JSON, for its charts and live refresh (not
     * counted as an opening).
     */
    @ExpensiveRead
    @GetMapping("/{token}/report")
    @ResponseBody
    ResponseEntity<?> report(@PathVariable String token, HttpServletRequest request) {
        if (!this.limiter.tryRequest(request.getRemoteAddr())) {
            return problem(ProblemType.TOO_MANY_REQUESTS);
        }
        Shares.Opening opening = this.shares.peek(token);
        if (opening.outcome() == Shares.Opening.Outcome.GONE) {
            return problem(ProblemType.SHARE_LINK_GONE);
        }
        if (opening.outcome() == Shares.Opening.Outcome.UNKNOWN || opening.link().kind() != ShareLink.Kind.CAMPAIGN) {
            return problem(ProblemType.NOT_FOUND);
        }
        try {
            CampaignReport report = this.replica.read(() -> this.reports.report(opening.link().campaignId()));
            return ResponseEntity.ok().headers(privateHeaders()).body(SharedFigures.of(report));
        }
        catch (CampaignProblem ex) {
            return problem(ProblemType.NOT_FOUND);
        }
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "shared/unknown";
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type) {
        return ResponseEntity.status(type.status()).headers(privateHeaders()).body(type.problem(type.description()));
    }

    /**
     * Kept by no cache or search engine, and the address (which is the key) sent to no
     * other site.
     */
    private static void privateToThisVisitor(HttpServletResponse response) {
        privateHeaders().forEach((name, values) -> values.forEach((value) -> response.setHeader(name, value)));
    }

    private static HttpHeaders privateHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl("no-store");
        headers.set("X-Robots-Tag", "noindex, nofollow");
        headers.set("Referrer-Policy", "no-referrer");
        return headers;
    }

}
