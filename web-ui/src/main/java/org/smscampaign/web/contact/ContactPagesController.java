package org.smscampaign.web.contact;

import java.security.Principal;
import java.util.List;

import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactDetails;
import org.smscampaign.contact.ContactExport;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.contact.ContactProblem;
import org.smscampaign.contact.ContactSearch;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.contact.FieldProblem;
import org.smscampaign.contact.Gender;
import org.smscampaign.contact.PreferredChannel;
import org.smscampaign.contact.WhatsAppConsent;
import org.smscampaign.messaging.Channel;
import org.smscampaign.segment.Segments;
import org.smscampaign.web.bulkhead.ExpensiveRead;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contacts in the browser: list and search, create, edit, consent, lists, erasure,
 * export.
 */
@Controller
@RequestMapping("/contacts")
class ContactPagesController {

    static final int PAGE_SIZE = 50;

    private final ContactManagement contacts;

    private final ContactLists lists;

    private final CustomAttributes customAttributes;

    private final ContactExport export;

    private final Segments segments;

    private final ContactTimeline timeline;

    private final ChannelReachability reachability;

    ContactPagesController(ContactManagement contacts, ContactLists lists, CustomAttributes customAttributes,
            ContactExport export, Segments segments, ContactTimeline timeline, ChannelReachability reachability) {
        this.timeline = timeline;
        this.reachability = reachability;
        this.contacts = contacts;
        this.lists = lists;
        this.customAttributes = customAttributes;
        this.export = export;
        this.segments = segments;
    }

    @ModelAttribute("consentStatuses")
    List<ConsentStatus> consentStatuses() {
        return List.of(ConsentStatus.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long list,
            @RequestParam(required = false) ConsentStatus consent, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ContactSearch search = new ContactSearch(q, list, consent);
        model.addAttribute("search", search);
        model.addAttribute("page", this.contacts.search(search, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("lists", this.lists.all());
        model.addAttribute("filtered", q != null && !q.isBlank() || list != null || consent != null);
        return "contacts/index";
    }

    @GetMapping("/new")
    String newContact(Model model) {
        return form(model, ContactForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute("contact") ContactForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            ContactDetails created = this.contacts.create(form.input(), form.consent(), ConsentSource.FORM,
                    form.consentProof(), principal.getName());
            redirect.addFlashAttribute("success", "Contact " + created.phoneNumber() + " added.");
            return "redirect:/contacts/" + created.id();
        }
        catch (ContactProblem ex) {
            reject(errors, ex);
            if (ex.existingId() != null) {
                model.addAttribute("existingId", ex.existingId());
            }
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ContactDetails contact = get(id);
        model.addAttribute("contact", contact);
        model.addAttribute("timeline", this.timeline.of(contact));
        model.addAttribute("lists", this.lists.all());
        model.addAttribute("customAttributes", this.customAttributes.list());
        model.addAttribute("reachability", this.reachability.of(contact.phoneNumber()));
        return "contacts/show";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ContactDetails contact = get(id);
        return form(model, ContactForm.of(contact), contact);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("contact") ContactForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            this.contacts.update(id, form.input());
            redirect.addFlashAttribute("success", "Contact saved.");
            return "redirect:/contacts/" + id;
        }
        catch (ContactProblem ex) {
            reject(errors, ex);
            return form(model, form, get(id));
        }
    }

    @PostMapping("/{id}/consent")
    String consent(@PathVariable long id, @RequestParam ConsentStatus status,
            @RequestParam(required = false) String proof, Principal principal, RedirectAttributes redirect) {
        try {
            this.contacts.changeConsent(id, status, ConsentSource.ADMIN, proof, principal.getName());
            redirect.addFlashAttribute("success", "Consent set to " + status.name().toLowerCase() + ".");
        }
        catch (ContactProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/{id}/whatsapp-consent")
    String whatsappConsent(@PathVariable long id, @RequestParam WhatsAppConsent status,
            @RequestParam(required = false) String proof, Principal principal, RedirectAttributes redirect) {
        try {
            this.contacts.changeWhatsAppConsent(id, status, ConsentSource.ADMIN, proof, principal.getName());
            redirect.addFlashAttribute("success", switch (status) {
                case OPTED_IN -> "WhatsApp opt-in recorded with its proof.";
                case OPTED_OUT -> "WhatsApp opt-in withdrawn: no more WhatsApp messages to this contact.";
                case NONE -> "WhatsApp consent set to not given.";
            });
        }
        catch (ContactProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/contacts/" + id;
    }

    /** Forgets what was learned of the number on a channel: cascades try it again. */
    @PostMapping("/{id}/reachability/{channel}/reset")
    String resetReachability(@PathVariable long id, @PathVariable String channel, RedirectAttributes redirect) {
        ContactDetails contact = get(id);
        Channel forgotten = ChannelReachability.CHANNELS.stream()
            .filter((c) -> c.name().equalsIgnoreCase(channel))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (contact.phoneNumber() != null) {
            this.reachability.forget(contact.phoneNumber(), forgotten);
        }
        redirect.addFlashAttribute("success",
                "Cleared: the next cascade tries " + ChannelReachability.name(forgotten) + " for this contact again.");
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/{id}/lists")
    String addToList(@PathVariable long id, @RequestParam long listId, RedirectAttributes redirect) {
        this.lists.add(listId, List.of(id));
        redirect.addFlashAttribute("success", "Added to the list.");
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/{id}/lists/{listId}/removal")
    String removeFromList(@PathVariable long id, @PathVariable long listId, RedirectAttributes redirect) {
        this.lists.remove(listId, List.of(id));
        redirect.addFlashAttribute("success", "Removed from the list.");
        return "redirect:/contacts/" + id;
    }

    @PostMapping("/{id}/erasure")
    String erase(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed, Principal principal,
            RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("error", "Tick the confirmation to erase this contact's personal data.");
            return "redirect:/contacts/" + id;
        }
        this.contacts.erase(id, principal.getName());
        redirect.addFlashAttribute("success", "The contact's personal data was erased.");
        return "redirect:/contacts/" + id;
    }

    @ExpensiveRead
    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam(required = false) Long list,
            @RequestParam(required = false) Long segment) {
        return ContactApiController.csvExport(this.export, AudienceFilter.of(list, segment, this.segments));
    }

    private String form(Model model, ContactForm form, ContactDetails existing) {
        model.addAttribute("contact", form);
        model.addAttribute("existing", existing);
        model.addAttribute("genders", List.of(Gender.values()));
        model.addAttribute("channels", List.of(PreferredChannel.values()));
        model.addAttribute("customAttributes", this.customAttributes.list());
        return "contacts/form";
    }

    private static void reject(BindingResult errors, ContactProblem problem) {
        if (problem.fieldProblems().isEmpty()) {
            errors.reject("contact", problem.getMessage());
            return;
        }
        for (FieldProblem field : problem.fieldProblems()) {
            errors.rejectValue(ContactForm.formField(field.field()), "invalid", field.reason());
        }
    }

    private ContactDetails get(long id) {
        return this.contacts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
