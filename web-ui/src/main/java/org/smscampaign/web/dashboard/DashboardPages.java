package org.smscampaign.web.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Dashboards section. */
@Controller
class DashboardPages {

    @GetMapping("/dashboards")
    String index() {
        return "dashboards/index";
    }

}
