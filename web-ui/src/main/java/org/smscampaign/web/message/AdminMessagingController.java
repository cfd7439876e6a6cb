package org.smscampaign.web.message;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.ProviderSimulator;
import org.smscampaign.messaging.SimulatorBehaviour;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Messaging: the provider and the senders with their pace, and, when the
 * simulator is the provider, how it answers (to show what throttling or an outage does).
 */
@Controller
@RequestMapping("/admin/messaging")
class AdminMessagingController {

    private static final Logger log = LoggerFactory.getLogger(AdminMessagingController.class);

    private final MessagingProperties properties;

    private final ProviderSimulator simulator;

    AdminMessagingController(MessagingProperties properties, ProviderSimulator simulator) {
        this.properties = properties;
        this.simulator = simulator;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("provider", this.properties.provider());
        model.addAttribute("publicBaseUrl", this.properties.publicBaseUrl());
        model.addAttribute("senders", new java.util.TreeMap<>(this.properties.senders()));
        model.addAttribute("dispatch", this.properties.dispatch());
        model.addAttribute("pricing", this.properties.pricing());
        model.addAttribute("simulatorActive", this.simulator.active());
        model.addAttribute("behaviour", this.simulator.behaviour().orElse(null));
        model.addAttribute("behaviours", SimulatorBehaviour.values());
        return "admin/messaging";
    }

    @PostMapping("/simulator")
    String behave(@RequestParam SimulatorBehaviour behaviour, Principal principal, RedirectAttributes redirect) {
        this.simulator.behave(behaviour);
        log.info("{} set the simulator to {}", principal.getName(), behaviour);
        redirect.addFlashAttribute("success", "The simulator now answers: " + behaviour.name().toLowerCase() + ".");
        return "redirect:/admin/messaging";
    }

}
