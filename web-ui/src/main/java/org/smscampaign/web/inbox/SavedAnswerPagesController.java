package org.smscampaign.web.inbox;

import java.security.Principal;

import org.smscampaign.messaging.Conversations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saved answers of the inbox: marketers and admins write them, agents use them. */
@Controller
@RequestMapping("/inbox/saved-answers")
class SavedAnswerPagesController {

    private final Conversations conversations;

    SavedAnswerPagesController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("answers", this.conversations.savedAnswers());
        return "inbox/saved-answers";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
            Principal principal, RedirectAttributes redirect) {
        return save(null, title, body, principal, redirect);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, Principal principal, RedirectAttributes redirect) {
        return save(id, title, body, principal, redirect);
    }

    private String save(Long id, String title, String body, Principal principal, RedirectAttributes redirect) {
        try {
            this.conversations.saveAnswer(id, title, body, principal.getName());
            redirect.addFlashAttribute("success", "Saved answer \u201c" + title.strip() + "\u201d saved.");
        }
        catch (IllegalArgumentException | java.util.NoSuchElementException ex) {
            redirect.addFlashAttribute("error", ex.getMessage().replaceFirst("^\\w+: ", ""));
        }
        return "redirect:/inbox/saved-answers";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("success",
                this.conversations.deleteSavedAnswer(id) ? "Saved answer deleted." : "It was deleted before.");
        return "redirect:/inbox/saved-answers";
    }

}
