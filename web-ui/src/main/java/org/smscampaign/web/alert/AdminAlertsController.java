package org.smscampaign.web.alert;

import java.security.Principal;
import java.util.Map;

import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Alerts: each rule on or off, its threshold and minimum, the e-mail recipients.
 */
@Controller
@RequestMapping("/admin/alerts")
class AdminAlertsController {

    private final AlertManagement alerts;

    AdminAlertsController(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("settings", this.alerts.settings());
        model.addAttribute("baseline", this.alerts.baseline());
        return "admin/alerts";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> fields, Principal principal, RedirectAttributes redirect) {
        try {
            this.alerts.saveSettings(SettingsForm.account(fields, this.alerts.settings()), principal.getName());
            redirect.addFlashAttribute("success", "Alert settings saved. They apply from the next check.");
        }
        catch (AlertProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/alerts";
    }

    @PostMapping("/evaluation")
    String evaluate(RedirectAttributes redirect) {
        AlertManagement.Evaluation done = this.alerts.evaluateNow();
        redirect.addFlashAttribute("success",
                "Checked every rule now: " + done.raised() + " raised, " + done.resolved() + " resolved.");
        return "redirect:/admin/alerts";
    }

}
