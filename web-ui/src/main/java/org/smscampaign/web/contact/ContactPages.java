package org.smscampaign.web.contact;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Contacts section. */
@Controller
class ContactPages {

    @GetMapping("/contacts")
    String index() {
        return "contacts/index";
    }

}
