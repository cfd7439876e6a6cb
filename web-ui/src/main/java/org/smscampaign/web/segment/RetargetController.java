package org.smscampaign.web.segment;

import java.security.Principal;

import org.smscampaign.campaign.RetargetAudience;
import org.smscampaign.campaign.Retargeting;
import org.smscampaign.segment.SegmentView;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Re-targeting from a campaign's funnel: one click makes a segment of the people at a
 * stage ("clicked but did not buy") and opens it in the builder with its live count.
 */
@Controller
class RetargetController {

    private final Retargeting retargeting;

    RetargetController(Retargeting retargeting) {
        this.retargeting = retargeting;
    }

    @PostMapping("/campaigns/{id}/retarget")
    String page(@PathVariable long id, @RequestParam String audience, Principal principal,
            RedirectAttributes redirect) {
        SegmentView segment = this.retargeting.retarget(id, RetargetAudience.parse(audience), null,
                principal.getName());
        redirect.addFlashAttribute("success", "Segment '" + segment.name() + "' made from the campaign.");
        return "redirect:/segments/" + segment.id();
    }

}
