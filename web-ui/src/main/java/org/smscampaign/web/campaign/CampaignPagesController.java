package org.smscampaign.web.campaign;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignPage;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.GoalDirection;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.link.Brands;
import org.smscampaign.messaging.Channel;
import org.smscampaign.messaging.ContentTemplates;
import org.smscampaign.messaging.MessageGateway;
import org.smscampaign.messaging.MessageStatus;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.SmsText;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.LiveFigures;
import org.smscampaign.segment.SegmentView;
import org.smscampaign.segment.Segments;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

    private final Clock clock;

    private final Brands brands;

    private final CampaignReports reports;

    private final String goalCurrency;

    private final ContentTemplates contentTemplates;

    private final long keywordActiveDays;

    private final org.smscampaign.campaign.CouponPools couponPools;

    CampaignPagesController(CampaignManagement campaigns, Segments segments, ContactLists lists, MessageGateway gateway,
            PhoneNumbers numbers, ContactProperties contactSettings, Clock clock, Brands brands,
            CampaignReports reports, org.smscampaign.money.MoneyProperties money, ContentTemplates contentTemplates,
            org.smscampaign.campaign.ReplyKeywordProperties keywordSettings,
            org.smscampaign.campaign.CouponPools couponPools) {
        this.keywordActiveDays = keywordSettings.activeFor().toDays();
        this.couponPools = couponPools;
        this.contentTemplates = contentTemplates;
        this.goalCurrency = money.currency();
        this.clock = clock;
        this.brands = brands;
        this.reports = reports;
        this.campaigns = campaigns;
        this.segments = segments;
        this.lists = lists;
        this.gateway = gateway;
        this.numbers = numbers;
        this.contactSettings = contactSettings;
    }

    /** Values the form could not read are told in words next to their field. */
    @InitBinder("campaign")
    void friendlyErrors(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new FormErrors.Unreadable());
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
            model.addAttribute("campaign", CampaignForm.empty(defaultSender(), otherSender()));
        }
        return form(null, model);
    }

    private String defaultSender() {
        return this.gateway.senders().contains(MessagingProperties.DEFAULT_SENDER) ? MessagingProperties.DEFAULT_SENDER
                : this.gateway.senders().iterator().next();
    }

    /**
     * The first sender on a channel other than SMS (a cascade's usual first step), or "".
     */
    private String otherSender() {
        return this.gateway.senders()
            .stream()
            .filter((s) -> this.gateway.channelOf(s) != Channel.SMS)
            .sorted(java.util.Comparator.comparing((String s) -> this.gateway.channelOf(s) != Channel.WHATSAPP)
                .thenComparing(java.util.Comparator.naturalOrder()))
            .findFirst()
            .orElse("");
    }

    /** Each configured sender's channel (SMS, WHATSAPP, RCS), by name. */
    @ModelAttribute("senderChannels")
    Map<String, String> senderChannels() {
        Map<String, String> channels = new java.util.TreeMap<>();
        this.gateway.senders().forEach((s) -> channels.put(s, this.gateway.channelOf(s).name()));
        return channels;
    }

    /** Each configured sender as people read it: "WhatsApp (whatsapp)". */
    @ModelAttribute("senderLabels")
    Map<String, String> senderLabels() {
        Map<String, String> labels = new java.util.TreeMap<>();
        this.gateway.senders().forEach((s) -> labels.put(s, channelLabel(this.gateway.channelOf(s)) + " (" + s + ")"));
        return labels;
    }

    /** The measures a goal row offers, grouped "at least" then "at most". */
    @ModelAttribute("goalMetricGroups")
    Map<String, List<GoalMetric>> goalMetricGroups() {
        Map<String, List<GoalMetric>> groups = new java.util.LinkedHashMap<>();
        for (GoalDirection direction : GoalDirection.values()) {
            groups.put(direction.label(), GoalRows.metrics(direction));
        }
        return groups;
    }

    /** Each measure by its name, for the goal rows. */
    @ModelAttribute("goalMetrics")
    Map<String, GoalMetric> goalMetrics() {
        return java.util.Arrays.stream(GoalMetric.values())
            .collect(Collectors.toMap(GoalMetric::name, Function.identity()));
    }

    /** The reporting currency, which money goals are in. */
    @ModelAttribute("goalCurrency")
    String goalCurrency() {
        return this.goalCurrency;
    }

    private String form(Long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("allSegments", this.segments.all());
        model.addAttribute("allLists", this.lists.all());
        model.addAttribute("senders", this.gateway.senders());
        model.addAttribute("brands", this.brands.all());
        model.addAttribute("contentTemplates", this.contentTemplates.approved());
        model.addAttribute("keywordActiveDays", this.keywordActiveDays);
        model.addAttribute("couponPools", this.couponPools.list());
        return "campaigns/form";
    }

    @PostMapping
    String save(@ModelAttribute("campaign") CampaignForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        if (errors.hasFieldErrors()) {
            return form(null, model); // a value that could not be read: shown with what
                                      // was typed
        }
        try {
            CampaignView created = this.campaigns.create(form.draft(), principal.getName());
            redirect.addFlashAttribute("success",
                    created.draft().audience().isEmpty()
                            ? "Campaign saved as a draft. It has no audience yet: edit it to choose who gets it."
                            : "Campaign saved as a draft. Check the preflight, then launch it.");
            return "redirect:/campaigns/" + created.id();
        }
        catch (CampaignProblem | IllegalArgumentException ex) {
            FormErrors.reject(errors, ex.getMessage());
            return form(null, model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        if (!model.containsAttribute("campaign")) {
            model.addAttribute("campaign", CampaignForm.of(this.campaigns.get(id), otherSender()));
        }
        return form(id, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("campaign") CampaignForm form, BindingResult errors,
            Principal principal, Model model, RedirectAttributes redirect) {
        if (errors.hasFieldErrors()) {
            return form(id, model);
        }
        try {
            this.campaigns.update(id, form.draft(), principal.getName());
            redirect.addFlashAttribute("success", "Campaign saved.");
            return "redirect:/campaigns/" + id;
        }
        catch (CampaignProblem | IllegalArgumentException ex) {
            FormErrors.reject(errors, ex.getMessage());
            return form(id, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CampaignView campaign = this.campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("costRows", CostRows.of(campaign.draft().costs()));
        model.addAttribute("goalRows", GoalRows.of(campaign.draft().goals()));
        model.addAttribute("goalsJudged", campaign.goalStates().stream().anyMatch(GoalState::judged));
        model.addAttribute("segmentNames", this.segments.all());
        model.addAttribute("listNames", this.lists.all());
        model.addAttribute("brand", (campaign.draft().brandId() != null) ? this.brands.get(campaign.draft().brandId())
                : this.brands.defaultBrand());
        if (campaign.status() == CampaignStatus.DRAFT) {
            Preflight preflight = this.campaigns.preflight(id);
            model.addAttribute("preflight", preflight);
            // no Launch button for what the launch would refuse: no audience, links
            // nobody can open
            if (!campaign.draft().audience().isEmpty() && !stopsTheLaunch(preflight)) {
                model.addAttribute("launchQuestion", launchQuestion(campaign, preflight));
            }
            model.addAttribute("smartEncodingFixes",
                    campaign.draft().variants().stream().anyMatch((v) -> SmsText.of(v.body()).smartEncodingFixes()));
        }
        Map<MessageStatus, Long> counts = (campaign.launch() != null) ? this.gateway.countsOfCampaign(id) : Map.of();
        if (campaign.launch() != null) {
            model.addAttribute("counts", counts);
            model.addAttribute("live", this.reports.live(id));
        }
        model.addAttribute("cancelQuestion", Confirmations.cancel(campaign, counts));
        model.addAttribute("keywordResponses", this.campaigns.keywordResponses(id));
        return "campaigns/show";
    }

    private static boolean stopsTheLaunch(Preflight preflight) {
        return preflight.warnings().stream().anyMatch(Preflight.Warning::blocking);
    }

    private Confirmations.Question launchQuestion(CampaignView campaign, Preflight preflight) {
        return Confirmations.launch(campaign, preflight, names(this.segments.all(), SegmentView::id, SegmentView::name),
                names(this.lists.all(), ContactListView::id, ContactListView::name), this.clock.instant());
    }

    private static <T> Map<Long, String> names(List<T> items, Function<T, Long> id, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }

    /**
     * Launches once confirmed (the page's dialog sends {@code confirmed=true}); without,
     * as from a browser without script, it asks on a page of its own first.
     */
    @PostMapping("/{id}/launch")
    String launch(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed, Principal principal,
            Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            CampaignView campaign = this.campaigns.get(id);
            if (campaign.status() != CampaignStatus.DRAFT || campaign.draft().audience().isEmpty()) {
                return act(id, redirect, () -> this.campaigns.launch(id, principal.getName()), "Launched.");
            }
            return confirm(campaign, "launch", launchQuestion(campaign, this.campaigns.preflight(id)), model);
        }
        return act(id, redirect, () -> this.campaigns.launch(id, principal.getName()),
                "Launched: its messages are " + "being written and go out at their due times.");
    }

    private String confirm(CampaignView campaign, String action, Confirmations.Question question, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("action", action);
        model.addAttribute("question", question);
        return "campaigns/confirm";
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

    /** Cancels once confirmed, as {@link #launch} launches. */
    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed, Principal principal,
            Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            CampaignView campaign = this.campaigns.get(id);
            Map<MessageStatus, Long> counts = (campaign.launch() != null) ? this.gateway.countsOfCampaign(id)
                    : Map.of();
            return confirm(campaign, "cancel", Confirmations.cancel(campaign, counts), model);
        }
        return act(id, redirect, () -> this.campaigns.cancel(id, principal.getName()),
                "Cancelled: messages not yet sent were withdrawn.");
    }

    /** A new draft with the same settings (its cascade too), opened for editing. */
    @PostMapping("/{id}/duplicate")
    String duplicate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            CampaignView copy = this.campaigns.duplicate(id, principal.getName());
            redirect.addFlashAttribute("success", "Duplicated as a new draft: change what differs, then save.");
            return "redirect:/campaigns/" + copy.id() + "/edit";
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", "Cannot duplicate: " + ex.getMessage());
            return "redirect:/campaigns/" + id;
        }
    }

    @PostMapping("/{id}/costs")
    String costs(@PathVariable long id, @ModelAttribute CostRows rows, Principal principal,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.changeCosts(id, rows.costs(), principal.getName()),
                "Other costs saved: profit, ROI and cost per conversion count them.");
    }

    @PostMapping("/{id}/goals")
    String goals(@PathVariable long id, @ModelAttribute GoalRows rows, Principal principal,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> this.campaigns.changeGoals(id, rows.goals(), principal.getName()),
                "Goals saved. Changes after launch are logged; the original targets stay visible.");
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
        try {
            long message = this.campaigns.testSend(id, variant, parsed.number().e164(), principal.getName());
            redirect.addFlashAttribute("testMessage", message);
            String channel = this.gateway.find(message).map((m) -> channelLabel(m.channel())).orElse("SMS");
            redirect.addFlashAttribute("testChannel", channel);
            redirect.addFlashAttribute("success", "Test message of variant " + variant + " queued for "
                    + parsed.number().e164() + " on " + channel + ".");
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

    /** A channel as people name it. */
    static String channelLabel(Channel channel) {
        return switch (channel) {
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case RCS -> "RCS";
        };
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
