package org.smscampaign.web.link;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.link.ClickClassification;
import org.smscampaign.link.ClickReclassifications;
import org.smscampaign.link.LinkAddress;
import org.smscampaign.link.LinkAddresses;
import org.smscampaign.link.LinkOffences;
import org.smscampaign.link.LinkProblem;
import org.smscampaign.link.UnverifiedConversions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Link tracking: brands, their link hosts and rules, and who counts as a person:
 * the sources of click classification, the try-out, the admins' additions and the
 * reclassification of stored hits.
 */
@Controller
@RequestMapping("/admin/link-tracking")
class AdminLinkTrackingController {

    private final Brands brands;

    private final ClickClassification classification;

    private final ClickReclassifications reclassifications;

    private final Clock clock;

    private final UnverifiedConversions unverified;

    private final LinkOffences offences;

    private final LinkAddresses addresses;

    AdminLinkTrackingController(Brands brands, ClickClassification classification,
            ClickReclassifications reclassifications, Clock clock, UnverifiedConversions unverified,
            LinkOffences offences, LinkAddresses addresses) {
        this.addresses = addresses;
        this.unverified = unverified;
        this.brands = brands;
        this.offences = offences;
        this.classification = classification;
        this.reclassifications = reclassifications;
        this.clock = clock;
    }

    @GetMapping
    String index(@RequestParam(required = false) String tryAgent, Model model) {
        List<BrandView> all = this.brands.all();
        model.addAttribute("brands", all);
        model.addAttribute("offenders", all.stream()
            .collect(java.util.stream.Collectors.toMap(BrandView::id, (brand) -> this.offences.of(brand.id(), 20))));
        model.addAttribute("addresses",
                all.stream().collect(java.util.stream.Collectors.toMap(BrandView::id, this.addresses::of)));
        model.addAttribute("countingBrands", this.unverified.countingBrands());
        model.addAttribute("sources", this.classification.sources());
        model.addAttribute("patterns", this.classification.additions());
        model.addAttribute("smsRules", this.classification.smsRules());
        model.addAttribute("reclassifications", this.reclassifications.recent(10));
        LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
        model.addAttribute("today", today);
        model.addAttribute("weekAgo", today.minusDays(6));
        if (tryAgent != null && !tryAgent.isBlank()) {
            model.addAttribute("tryAgent", tryAgent);
            model.addAttribute("tried", this.classification.explain(tryAgent.strip()));
        }
        return "admin/link-tracking";
    }

    @PostMapping("/brands")
    String createBrand(@RequestParam String name, @RequestParam String baseUrl,
            @RequestParam(required = false) String host, @RequestParam(required = false) String fallbackUrl,
            @RequestParam(required = false) String allowedDomains,
            @RequestParam(defaultValue = "false") boolean makeDefault, RedirectAttributes redirect) {
        return saved(redirect, "Brand '" + name.strip() + "' created" + (makeDefault ? " as the default brand." : "."),
                () -> this.brands.create(name, baseUrl, fallbackUrl, domains(allowedDomains),
                        (host == null || host.isBlank()) ? List.of() : List.of(host), makeDefault));
    }

    /** Renames a brand and changes the link address its new short links are built on. */
    @PostMapping("/brands/{id}")
    String updateBrand(@PathVariable long id, @RequestParam String name, @RequestParam String baseUrl,
            RedirectAttributes redirect) {
        return saved(redirect, "Brand saved.", () -> this.brands.update(id, name, baseUrl));
    }

    @PostMapping("/brands/{id}/default")
    String makeDefault(@PathVariable long id, RedirectAttributes redirect) {
        return saved(redirect, "Default brand changed: new campaigns use it.", () -> this.brands.makeDefault(id));
    }

    /**
     * Saves, then shows what the brand's links look like (the brand's card says whether
     * recipients can open them).
     */
    private String saved(RedirectAttributes redirect, String success, java.util.function.Supplier<BrandView> action) {
        try {
            LinkAddress address = this.addresses.of(action.get());
            redirect.addFlashAttribute("success", success + " Its short links look like " + address.sampleLink());
        }
        catch (LinkProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/link-tracking";
    }

    @PostMapping("/brands/{id}/hosts")
    String addHost(@PathVariable long id, @RequestParam String host, RedirectAttributes redirect) {
        return apply(redirect, "Host added: the redirector answers on it now.", () -> this.brands.addHost(id, host));
    }

    @PostMapping("/hosts/removal")
    String removeHost(@RequestParam String host, RedirectAttributes redirect) {
        return apply(redirect, "Host removed.", () -> this.brands.removeHost(host));
    }

    @PostMapping("/brands/{id}/rules")
    String rules(@PathVariable long id, @RequestParam(required = false) String fallbackUrl,
            @RequestParam(required = false) String allowedDomains, RedirectAttributes redirect) {
        try {
            int offenders = this.brands.updateRules(id, fallbackUrl, domains(allowedDomains));
            redirect.addFlashAttribute("success", (offenders == 0)
                    ? "Brand rules saved: every link of the brand passes them."
                    : "Brand rules saved. " + offenders + " links break them: they are listed under the brand.");
        }
        catch (LinkProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/link-tracking";
    }

    /**
     * Disables the brand's links that break its rules: they show a "link disabled" page.
     */
    @PostMapping("/brands/{id}/offenders/disabling")
    String disableOffenders(@PathVariable long id, RedirectAttributes redirect) {
        this.brands.get(id);
        int disabled = this.offences.disable(id);
        redirect.addFlashAttribute("success", disabled + " links disabled: they show a \"link disabled\" page now.");
        return "redirect:/admin/link-tracking";
    }

    /**
     * Whether the brand counts the unverified conversions its landing pages report in
     * conversions and revenue.
     */
    @PostMapping("/brands/{id}/browser-conversions")
    String browserConversions(@PathVariable long id, @RequestParam boolean counted, Principal principal,
            RedirectAttributes redirect) {
        return apply(redirect,
                counted ? "Browser conversions now count in this brand's conversions and revenue."
                        : "Browser conversions no longer count in this brand's figures.",
                () -> this.unverified.count(id, counted, principal.getName()));
    }

    @PostMapping("/patterns")
    String addPattern(@RequestParam String kind, @RequestParam String pattern, Principal principal,
            RedirectAttributes redirect) {
        return apply(redirect, "Pattern added.", () -> this.classification.add(kind, pattern, principal.getName()));
    }

    @PostMapping("/patterns/removal")
    String removePattern(@RequestParam String pattern, RedirectAttributes redirect) {
        return apply(redirect, "Pattern removed.", () -> this.classification.remove(pattern));
    }

    @PostMapping("/reclassifications")
    String reclassify(@RequestParam String from, @RequestParam String to, Principal principal,
            RedirectAttributes redirect) {
        return apply(redirect, "Reclassification started: its progress is in the table below.",
                () -> this.reclassifications.start(day(from), day(to), principal.getName()));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "A day is written 2026-12-06.");
        }
    }

    private static List<String> domains(String text) {
        return (text == null || text.isBlank()) ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter((d) -> !d.isBlank()).toList();
    }

    private static String apply(RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        }
        catch (LinkProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/admin/link-tracking";
    }

}
