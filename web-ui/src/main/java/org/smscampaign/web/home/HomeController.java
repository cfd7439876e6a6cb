package org.smscampaign.web.home;

import org.smscampaign.web.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: agents land in the inbox, managers on dashboards,
 * everyone else on campaigns.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean marketer = authentication.getAuthorities()
            .stream()
            .anyMatch((authority) -> authority.getAuthority().equals(Role.MARKETER.authority())
                    || authority.getAuthority().equals(Role.ADMIN.authority()));
        boolean manager = authentication.getAuthorities()
            .stream()
            .anyMatch((authority) -> authority.getAuthority().equals(Role.MANAGER.authority()));
        return marketer ? "redirect:/campaigns" : manager ? "redirect:/dashboards" : "redirect:/inbox";
    }

}
