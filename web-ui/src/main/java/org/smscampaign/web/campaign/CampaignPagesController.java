package org.smscampaign.web.campaign;

import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignPage;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.LiveFigures;
import org.smscampaign.segment.Segments;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaigns in the browser: the list, the form (audience, variants, schedule and window,
 * goals), and each campaign's page with its preflight, a test send, the lifecycle buttons
 * and its history.
 */
@Controller
@RequestMapping("/campaigns")
class CampaignPagesController {

    private final CampaignManagement campaigns;

    private final Segments segments;

    private final ContactLists lists;

    private final MessageGateway gateway;

    private final PhoneNumbers numbers;

    private final ContactProperties contactSettings;

    private final CampaignReports reports;

    CampaignPagesController(CampaignManagement campaigns, Segments segments, ContactLists lists, MessageGateway gateway,
            PhoneNumbers numbers, ContactProperties contactSettings, CampaignReports reports) {
        this.reports = reports;
        this.campaigns = campaigns;
        this.segments = segments;
        this.lists = lists;
        this.gateway = gateway;
        this.numbers = numbers;
        this.contactSettings = contactSettings;
    }

    static final int PAGE_SIZE = 50;

    /**
     * The list with each campaign's figures from the same report as its dashboard, a page
     * at a time, in a fixed number of queries whatever the page's length.
     */
    @GetMapping
    String index(@RequestParam(required = false) CampaignStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CampaignPage campaigns = this.campaigns.page(status, q, page, PAGE_SIZE);
        model.addAttribute("campaigns", campaigns.items());
        model.addAttribute("page", campaigns);
        model.addAttribute("figures", this.reports.rows(campaigns.items()));
        model.addAttribute("segmentNames", names(this.segments.all().stream().map((s) -> Map.entry(s.id(), s.name()))));
        model.addAttribute("listNames", names(this.lists.all().stream().map((l) -> Map.entry(l.id(), l.name()))));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("filtered", status != null || (q != null && !q.isBlank()));
        model.addAttribute("statuses", CampaignStatus.values());
        return "campaigns/index";
    }

    private static Map<Long, String> names(Stream<Map.Entry<Long, String>> entries) {
        return entries.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The page's figures while it sends (campaign-live.js asks every few seconds). */
    @GetMapping(value = "/{id}/live", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    LiveFigures live(@PathVariable long id) {
        return this.reports.live(id);
    }

    @GetMapping("/new")
    String create(Model model) {
        if (!model.containsAttribute("campaign")) {
            model.addAttribute("campaign", CampaignForm.empty(defaultSender()));
        }
        return form(null, model);
    }

    private String defaultSender() {
        return this.gateway.senders().contains(MessagingProperties.DEFAULT_SENDER) ? MessagingProperties.DEFAULT_SENDER
                : this.gateway.senders().iterator().next();
    }

    private String form(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("allSegments", this.segments.all());
        model.addAttribute("allLists", this.lists.all());
        model.addAttribute("senders", this.gateway.senders());
        return "campaigns/form";
    }

    @PostMapping
    String save(@ModelAttribute("campaign") CampaignForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            CampaignView created = this.campaigns.create(form.draft(), principal.getName());
            redirect.addFlashAttribute("success", "Campaign saved as a draft. Check the preflight, then launch it.");
            return "redirect:/campaigns/" + created.id();
        }
        catch (CampaignProblem | IllegalArgumentException ex) {
            errors.reject("campaign", ex.getMessage());
            return form(null, model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        if (!model.containsAttribute("campaign")) {
            model.addAttribute("campaign", CampaignForm.of(this.campaigns.get(id)));
        }
        return form(id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("campaign") CampaignForm form, BindingResult errors,
            Principal principal, Model model, RedirectAttributes redirect) {
        try {
            this.campaigns.update(id, form.draft(), principal.getName());
            redirect.addFlashAttribute("success", "Campaign saved.");
            return "redirect:/campaigns/" + id;
        }
        catch (CampaignProblem | IllegalArgumentException ex) {
            errors.reject("campaign", ex.getMessage());
            return form(id, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CampaignView campaign = this.campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("costRows", CostRows.of(campaign.draft().costs()));
        model.addAttribute("segmentNames", this.segments.all());
        model.addAttribute("listNames", this.lists.all());
        if (campaign.status() == CampaignStatus.DRAFT) {
            Preflight preflight = this.campaigns.preflight(id);
            model.addAttribute("preflight", preflight);
            model.addAttribute("smartEncodingFixes",
                    campaign.draft().variants().stream().anyMatch((v) -> SmsText.of(v.body()).smartEncodingFixes()));
        }
        if (campaign.launch() != null) {
            model.addAttribute("counts", this.gateway.countsOfCampaign(id));
            model.addAttribute("live", this.reports.live(id));
        }
        return "campaigns/show";
    }

    @PostMapping("/{id}/launch")
    String launch(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.launch(id, principal.getName()),
                "Launched: its messages are " + "being written and go out at their due times.");
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.pause(id, principal.getName()),
                "Paused: nothing more is sent until you resume.");
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.resume(id, principal.getName()), "Resumed.");
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.cancel(id, principal.getName()),
                "Cancelled: messages not yet sent were withdrawn.");
    }

    @PostMapping("/{id}/costs")
    String costs(@PathVariable long id, @ModelAttribute CostRows rows, Principal principal,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.changeCosts(id, rows.costs(), principal.getName()),
                "Other costs saved: profit, ROI and cost per conversion count them.");
    }

    @PostMapping("/{id}/smart-encoding")
    String smartEncoding(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.smartEncode(id, principal.getName()),
                "Look-alike characters replaced: the texts are GSM-7 again.");
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, @RequestParam String number, @RequestParam String variant, Principal principal,
            RedirectAttributes redirect) {
        PhoneNumbers.Result parsed = this.numbers.parse(number, this.contactSettings.defaultRegion());
        if (!parsed.isValid()) {
            redirect.addFlashAttribute("error", "Test send: " + parsed.problem());
            return "redirect:/campaigns/" + id;
        }
        return act(id, redirect, () -> {
            long message = this.campaigns.testSend(id, variant, parsed.number().e164(), principal.getName());
            redirect.addFlashAttribute("testMessage", message);
            return null;
        }, "Test message of variant " + variant + " queued for " + parsed.number().e164() + ".");
    }

    /**
     * An unknown campaign is the not-found page; other problems arrive as flash messages.
     */
    @ExceptionHandler(CampaignProblem.class)
    ModelAndView problem(CampaignProblem ex) {
        HttpStatus status = (ex.kind() == CampaignProblem.Kind.NOT_FOUND) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return new ModelAndView((status == HttpStatus.NOT_FOUND) ? "error/404" : "error/4xx",
                java.util.Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<Object> action,
            String success) {
        try {
            action.get();
            redirect.addFlashAttribute("success", success);
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

}
