package org.smscampaign.web.share;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shared links for managers and admins: made from a campaign's dashboard or a summary,
 * listed with their openings, revoked with one button.
 */
@Controller
@RequestMapping("/shares")
class SharePages {

    private static final int LIST_LIMIT = 200;

    private final Shares shares;

    SharePages(Shares shares) {
        this.shares = shares;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long campaign, Model model) {
        // The flash carries the new link's id (sessions keep only serializable values).
        if (model.getAttribute("createdShare") instanceof Long id) {
            this.shares.find(id).ifPresent((link) -> model.addAttribute("created", link));
        }
        model.addAttribute("shares", this.shares.recent(campaign, LIST_LIMIT));
        model.addAttribute("campaign", campaign);
        return "shares/index";
    }

    @PostMapping("/campaigns/{id}")
    String shareCampaign(@PathVariable long id, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String label, Principal principal, RedirectAttributes redirect) {
        try {
            created(this.shares.shareCampaign(id, days, label, principal.getName()), redirect);
            return "redirect:/shares";
        }
        catch (ShareProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/dashboards/campaigns/" + id;
        }
    }

    @PostMapping("/summaries")
    String shareSummary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer days, @RequestParam(required = false) String label,
            Principal principal, RedirectAttributes redirect) {
        try {
            created(this.shares.shareSummary(from, to, days, label, principal.getName()), redirect);
            return "redirect:/shares";
        }
        catch (ShareProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            redirect.addAttribute("from", from);
            redirect.addAttribute("to", to);
            return "redirect:/reports";
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        String title = this.shares.find(id).map(ShareLink::title).orElse("The link");
        if (this.shares.revoke(id, principal.getName())) {
            redirect.addFlashAttribute("success", "Link to “" + title + "” revoked: it no longer opens.");
        }
        else {
            redirect.addFlashAttribute("error", "That link was already revoked, or does not exist.");
        }
        return "redirect:/shares";
    }

    private void created(ShareLink link, RedirectAttributes redirect) {
        redirect.addFlashAttribute("createdShare", link.id());
    }

}
