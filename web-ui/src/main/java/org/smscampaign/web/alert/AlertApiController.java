package org.smscampaign.web.alert;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.alert.AlertManagement;
import org.smscampaign.alert.AlertSettings;
import org.smscampaign.alert.AlertView;
import org.smscampaign.alert.Alerts;
import org.smscampaign.alert.RuleOverride;
import org.smscampaign.alert.RuleSetting;
import org.smscampaign.campaign.CampaignManagement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts over REST: the history, the account's settings (admins), a campaign's own. */
@RestController
@Tag(name = "Alerts")
class AlertApiController {

    private static final int MAX = 500;

    private final Alerts alerts;

    private final AlertManagement management;

    private final CampaignManagement campaigns;

    AlertApiController(Alerts alerts, AlertManagement management, CampaignManagement campaigns) {
        this.alerts = alerts;
        this.management = management;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Alerts, newest first",
            description = "Each alert with the figures that fired it and, once its condition cleared, the figures "
                    + "then. `figures` and `resolvedFigures` hold the rule's own keys (docs/metrics.md, Alerts).")
    List<AlertView> list(
            @Parameter(description = "true: open only; false: resolved only; absent: both") @RequestParam(
                    required = false) Boolean open,
            @Parameter(description = "only this campaign's") @RequestParam(required = false) Long campaignId,
            @RequestParam(defaultValue = "100") int limit) {
        return this.alerts.recent(open, campaignId, Math.max(1, Math.min(limit, MAX)));
    }

    @GetMapping("/api/v1/admin/alert-settings")
    @Operation(summary = "The account's alert settings",
            description = "Every rule with whether it is on, its threshold (in the rule's unit) and minimum count, "
                    + "and who gets each alert by e-mail besides the campaign's owner.")
    AlertSettings settings() {
        return this.management.settings();
    }

    @PutMapping("/api/v1/admin/alert-settings")
    @Operation(summary = "Replace the account's alert settings",
            description = "Rules left out keep their built-in defaults. A threshold is a percentage (at most 100) "
                    + "except for QUEUE_STALLED (minutes).")
    AlertSettings saveSettings(@RequestBody AlertSettings settings, Principal principal) {
        return this.management.saveSettings(settings, principal.getName());
    }

    @PostMapping("/api/v1/admin/alert-evaluations")
    @Operation(summary = "Evaluate every alert rule now",
            description = "What the scheduled evaluation does every `sms.alert.interval`; returns what it raised "
                    + "and resolved.")
    AlertManagement.Evaluation evaluate() {
        return this.management.evaluateNow();
    }

    @GetMapping("/api/v1/campaigns/{id}/alert-settings")
    @Operation(summary = "The alert settings in effect for a campaign",
            description = "The account's settings with the campaign's own overrides on top.")
    List<RuleSetting> campaignSettings(@PathVariable long id) {
        this.campaigns.get(id);
        return this.management.effective(id);
    }

    @PutMapping("/api/v1/campaigns/{id}/alert-settings")
    @Operation(summary = "Replace a campaign's own alert settings",
            description = "One override per rule; a null part uses the account's setting. Returns the settings "
                    + "in effect.")
    List<RuleSetting> saveCampaignSettings(@PathVariable long id, @RequestBody List<RuleOverride> overrides,
            Principal principal) {
        this.campaigns.get(id);
        this.management.saveOverrides(id, overrides, principal.getName());
        return this.management.effective(id);
    }

}
