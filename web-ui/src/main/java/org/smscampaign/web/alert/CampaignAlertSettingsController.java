package org.smscampaign.web.alert;

import java.security.Principal;
import java.util.Map;

import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertProblem;
import org.smscampaign.campaign.CampaignManagement;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A campaign's own alert thresholds, from the override panel of its page. */
@Controller
class CampaignAlertSettingsController {

    private final AlertManagement alerts;

    private final CampaignManagement campaigns;

    CampaignAlertSettingsController(AlertManagement alerts, CampaignManagement campaigns) {
        this.alerts = alerts;
        this.campaigns = campaigns;
    }

    @PostMapping("/campaigns/{id}/alert-settings")
    String save(@PathVariable long id, @RequestParam Map<String, String> fields, Principal principal,
            RedirectAttributes redirect) {
        this.campaigns.get(id);
        try {
            this.alerts.saveOverrides(id, SettingsForm.campaign(fields), principal.getName());
            redirect.addFlashAttribute("success", "Alert settings of this campaign saved.");
        }
        catch (AlertProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/campaigns/" + id + "#alerts";
    }

}
