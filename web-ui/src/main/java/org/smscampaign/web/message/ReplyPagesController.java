package org.smscampaign.web.message;

import java.security.Principal;

import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.Replies;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Replies and opt-outs: the review queue of replies that read like an opt-out in words (a
 * person decides), the latest replies, and the suppression list (numbers listed or
 * released by hand).
 */
@Controller
@RequestMapping("/messages")
class ReplyPagesController {

    private final Replies replies;

    private final OptOuts optOuts;

    ReplyPagesController(Replies replies, OptOuts optOuts) {
        this.replies = replies;
        this.optOuts = optOuts;
    }

    @GetMapping("/replies")
    String replies(@RequestParam(required = false) Long campaign, Model model) {
        model.addAttribute("awaiting", this.replies.awaitingReview(200));
        model.addAttribute("latest", this.replies.latest(campaign, 200));
        model.addAttribute("campaign", campaign);
        return "messages/replies";
    }

    @PostMapping("/replies/{id}/review")
    String review(@PathVariable long id, @RequestParam boolean optOut, Principal principal,
            RedirectAttributes redirect) {
        boolean decided = this.replies.review(id, optOut, principal.getName());
        redirect.addFlashAttribute(decided ? "success" : "error", !decided ? "This reply was decided before."
                : optOut ? "The number is opted out and suppressed." : "Kept: the reply is not an opt-out.");
        return "redirect:/messages/replies";
    }

    @GetMapping("/opt-outs")
    String optOuts(Model model) {
        model.addAttribute("suppressions", this.optOuts.latest(500));
        model.addAttribute("total", this.optOuts.count());
        return "messages/opt-outs";
    }

    @PostMapping("/opt-outs")
    String suppress(@RequestParam String phone, @RequestParam(defaultValue = "") String why, Principal principal,
            RedirectAttributes redirect) {
        String number = phone.strip();
        if (!number.matches("\\+[1-9]\\d{6,14}")) {
            redirect.addFlashAttribute("error", "Give the number in international form, like +4917612345678.");
            return "redirect:/messages/opt-outs";
        }
        boolean added = this.optOuts.suppress(number,
                (why.isBlank() ? "listed by " : why.strip() + " (") + principal.getName() + (why.isBlank() ? "" : ")"));
        redirect.addFlashAttribute("success",
                added ? number + " will not be texted." : number + " was listed already.");
        return "redirect:/messages/opt-outs";
    }

    @PostMapping("/opt-outs/release")
    String release(@RequestParam String phone, Principal principal, RedirectAttributes redirect) {
        boolean released = this.optOuts.release(phone.strip(), "released by " + principal.getName());
        redirect.addFlashAttribute("success",
                released ? phone.strip() + " may be texted again." : phone.strip() + " was not listed.");
        return "redirect:/messages/opt-outs";
    }

}
