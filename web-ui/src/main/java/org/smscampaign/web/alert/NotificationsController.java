package org.smscampaign.web.alert;

import java.security.Principal;

import org.smscampaign.alert.Alerts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre: alerts open and resolved, newest first, and "mark all read".
 */
@Controller
@RequestMapping("/notifications")
class NotificationsController {

    private static final int LIMIT = 200;

    private final Alerts alerts;

    private final ReadMarks marks;

    NotificationsController(Alerts alerts, ReadMarks marks) {
        this.alerts = alerts;
        this.marks = marks;
    }

    @GetMapping
    String index(@RequestParam(required = false) String show, Model model, Principal principal) {
        Boolean open = "open".equals(show) ? Boolean.TRUE : null;
        // Read first: an alert raised while the page is drawn is not marked read unseen.
        model.addAttribute("newestShown", this.alerts.latestId());
        model.addAttribute("alerts", this.alerts.recent(open, null, LIMIT));
        model.addAttribute("lastRead", this.marks.lastRead(principal.getName()));
        model.addAttribute("show", (open != null) ? "open" : "all");
        return "notifications/index";
    }

    @PostMapping("/read")
    String markAllRead(@RequestParam(required = false) Long upTo, Principal principal, RedirectAttributes redirect) {
        // Up to the newest alert the page showed: one raised since stays unread.
        this.marks.markReadUpTo(principal.getName(), upTo);
        redirect.addFlashAttribute("success", "All notifications marked as read.");
        return "redirect:/notifications";
    }

}
