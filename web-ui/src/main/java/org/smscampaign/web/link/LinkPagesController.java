package org.smscampaign.web.link;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.link.Brands;
import org.smscampaign.link.DestinationChange;
import org.smscampaign.link.LinkDestinations;
import org.smscampaign.link.LinkGroupPage;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.link.LinkSearch;
import org.smscampaign.link.LinkUpdate;
import org.smscampaign.link.QrCodes;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Links in the browser: plain short links with their QR codes, a campaign's links, and
 * each link's hits with raw and human counts and the reasons hits were not counted as
 * people.
 */
@Controller
@RequestMapping("/links")
class LinkPagesController {

    static final int PAGE_SIZE = 50;

    private final ShortLinks links;

    private final Brands brands;

    private final LinkDestinations destinations;

    private final CampaignManagement campaigns;

    private final ContactManagement contacts;

    LinkPagesController(ShortLinks links, Brands brands, LinkDestinations destinations, CampaignManagement campaigns,
            ContactManagement contacts) {
        this.links = links;
        this.brands = brands;
        this.destinations = destinations;
        this.campaigns = campaigns;
        this.contacts = contacts;
    }

    /**
     * Links grouped by campaign and destination (a plain link is a group of its own), a
     * page at a time with the totals; of one campaign, also its recipients' own links and
     * the corrections of its destinations. With {@code from} and {@code to}, the
     * correction of a destination waits for confirmation.
     */
    @GetMapping
    String index(@RequestParam(required = false) Long campaign, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        // totals first: clicks only grow, so the rows below never show fewer than them
        if (campaign != null) {
            model.addAttribute("campaignStats", this.links.statsOfCampaign(campaign));
        }
        LinkGroupPage groups = this.destinations.groups(campaign, page, PAGE_SIZE);
        Map<Long, String> names = this.campaigns.names();
        model.addAttribute("groups", groups);
        model.addAttribute("campaignNames", names);
        model.addAttribute("campaign", campaign);
        if (campaign != null) {
            model.addAttribute("campaignName", names.getOrDefault(campaign, "campaign " + campaign));
            List<ShortLinkView> list = this.links.list(new LinkSearch(campaign, false), PAGE_SIZE);
            model.addAttribute("links", list);
            model.addAttribute("counts", this.links.countsByLink(list.stream().map(ShortLinkView::id).toList()));
            model.addAttribute("contacts", ContactLabels.of(this.contacts
                .summaries(list.stream().map(ShortLinkView::contactId).filter(Objects::nonNull).toList())));
            model.addAttribute("changes", this.destinations.changes(campaign));
            if (from != null && to != null && !to.isBlank()) {
                groups.items()
                    .stream()
                    .filter((g) -> from.equals(g.destination()))
                    .findFirst()
                    .ifPresent((g) -> model.addAttribute("confirm",
                            new Correction(g.destination(), to.strip(), g.links())));
            }
        }
        if (!model.containsAttribute("link")) {
            model.addAttribute("link", LinkForm.empty());
        }
        model.addAttribute("brands", this.brands.all());
        return "links/index";
    }

    /** A correction of a destination waiting for the marketer's confirmation. */
    record Correction(String from, String to, long links) {

    }

    /**
     * Corrects a destination once for all the recipient links of a campaign (confirmed).
     */
    @PostMapping("/campaigns/{campaign}/destination")
    String correct(@PathVariable long campaign, @RequestParam String from, @RequestParam String to, Principal principal,
            RedirectAttributes redirect) {
        try {
            DestinationChange change = this.destinations.change(campaign, from, to, principal.getName());
            redirect.addFlashAttribute("success",
                    String.format(Locale.ROOT,
                            "Done: all %,d recipient links that led to %s now lead to %s. Redirects follow at once.",
                            change.links(), change.from(), change.to()));
        }
        catch (LinkProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/links?campaign=" + campaign;
    }

    @PostMapping
    String create(@ModelAttribute("link") LinkForm form, BindingResult errors, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            ShortLinkView link = this.links.create(form.request(), principal.getName());
            redirect.addFlashAttribute("success", "Short link " + link.shortUrl() + " created.");
            return "redirect:/links/" + link.id();
        }
        catch (LinkProblem ex) {
            errors.reject("link", ex.getMessage());
            return index(null, 0, null, null, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ShortLinkView link = this.links.get(id);
        model.addAttribute("link", link);
        if (link.campaignId() != null) {
            model.addAttribute("campaignName",
                    this.campaigns.names().getOrDefault(link.campaignId(), "campaign " + link.campaignId()));
        }
        if (link.contactId() != null) {
            model.addAttribute("contactName",
                    ContactLabels.of(this.contacts.summaries(List.of(link.contactId()))).get(link.contactId()));
        }
        model.addAttribute("stats", this.links.statsOfLink(id));
        model.addAttribute("clicks", this.links.recentClicks(id, 100));
        model.addAttribute("expired", link.expired(java.time.Instant.now()));
        return "links/show";
    }

    /** A new destination or end date, or (endNow) the end of the link at once. */
    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String targetUrl,
            @RequestParam(required = false) LocalDate expiresOn, @RequestParam(defaultValue = "false") boolean endNow,
            @RequestParam(required = false) String fallbackUrl, RedirectAttributes redirect) {
        Instant expires = endNow ? Instant.EPOCH
                : (expiresOn != null) ? expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
        try {
            this.links.update(id, new LinkUpdate(endNow ? null : targetUrl, expires, endNow ? null : fallbackUrl));
            redirect.addFlashAttribute("success", endNow ? "The link has ended: it now leads to its fallback."
                    : "Link saved: every redirect uses the change from now on.");
        }
        catch (LinkProblem ex) {
            if (ex.kind() == LinkProblem.Kind.NOT_FOUND) {
                throw ex;
            }
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/links/" + id;
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrPng(@PathVariable long id, @RequestParam(defaultValue = "300") int size) {
        ShortLinkView link = this.links.get(id);
        return ResponseEntity.ok()
            .cacheControl(CacheControl.noCache())
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + link.code() + ".png\"")
            .body(QrCodes.png(link.shortUrl(), Math.max(100, Math.min(size, 2000))));
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qrSvg(@PathVariable long id) {
        ShortLinkView link = this.links.get(id);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + link.code() + ".svg\"")
            .body(QrCodes.svg(link.shortUrl()));
    }

}
