package org.smscampaign.web.contact;

import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Static lists: the overview, creating and deleting; members are shown on the contacts
 * page.
 */
@Controller
@RequestMapping("/lists")
class ListPagesController {

    private final ContactLists lists;

    ListPagesController(ContactLists lists) {
        this.lists = lists;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("lists", this.lists.all());
        return "lists/index";
    }

    @PostMapping
    String create(@RequestParam String name, @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        try {
            this.lists.create(name, description);
            redirect.addFlashAttribute("success", "List '" + name.strip() + "' created.");
        }
        catch (ContactProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/lists";
    }

    @PostMapping("/{id}/deletion")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        this.lists.delete(id);
        redirect.addFlashAttribute("success", "List deleted; its contacts remain.");
        return "redirect:/lists";
    }

}
