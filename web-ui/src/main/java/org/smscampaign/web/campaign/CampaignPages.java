package org.smscampaign.web.campaign;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Campaigns section. */
@Controller
class CampaignPages {

    @GetMapping("/campaigns")
    String index() {
        return "campaigns/index";
    }

}
