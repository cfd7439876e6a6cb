package org.smscampaign.web.segment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Segments section. */
@Controller
class SegmentPages {

    @GetMapping("/segments")
    String index() {
        return "segments/index";
    }

}
