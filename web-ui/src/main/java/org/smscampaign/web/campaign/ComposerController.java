package org.smscampaign.web.campaign;

import org.smscampaign.campaign.AudienceReach;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.DraftPreview;

import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign form's live help, for the page's own script (session and CSRF token, the
 * form's fields as they are, saved or not): who the audience reaches, and a variant on a
 * phone as a real recipient gets it.
 */
@RestController
@RequestMapping("/campaigns/composer")
class ComposerController {

    private final CampaignManagement campaigns;

    ComposerController(CampaignManagement campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/reach")
    AudienceReach reach(@ModelAttribute CampaignForm form) {
        return this.campaigns.reach(form.draft().audience());
    }

    /**
     * Variant {@code A}, {@code B} or {@code C} of the form for its {@code index}-th
     * recipient (wrapping around).
     */
    @PostMapping("/preview")
    DraftPreview preview(@ModelAttribute CampaignForm form, @RequestParam(defaultValue = "A") String variant,
            @RequestParam(defaultValue = "0") int index) {
        String body = switch (variant) {
            case "B" -> form.bodyB();
            case "C" -> form.bodyC();
            default -> form.bodyA();
        };
        String label = switch (variant) {
            case "B", "C" -> variant;
            default -> "A";
        };
        return this.campaigns.preview(form.draft(), label, body, index);
    }

}
