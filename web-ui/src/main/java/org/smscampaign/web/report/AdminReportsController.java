package org.smscampaign.web.report;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin › Reports: the account's time zone, and who gets which summaries at what hour.
 */
@Controller
@RequestMapping("/admin/reports")
class AdminReportsController {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
        .stream()
        .filter((z) -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
        .sorted()
        .toList();

    private final ReportSettings settings;

    private final Summaries summaries;

    AdminReportsController(ReportSettings settings, Summaries summaries) {
        this.settings = settings;
        this.summaries = summaries;
    }

    @GetMapping
    String index(Model model) {
        SummarySettings current = this.settings.current();
        model.addAttribute("settings", current);
        model.addAttribute("defaults", this.settings.defaults());
        model.addAttribute("recipientLines", String.join("\n", current.recipients()));
        model.addAttribute("zones", ZONES);
        model.addAttribute("kinds", SummaryKind.values());
        model.addAttribute("now", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(java.time.ZonedDateTime.now(current.zone())));
        model.addAttribute("today", this.summaries.today());
        return "admin/reports";
    }

    @PostMapping
    String save(@RequestParam String zone, @RequestParam int hour, @RequestParam(defaultValue = "") String recipients,
            @RequestParam(required = false) List<String> kinds, Principal principal, RedirectAttributes redirect) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        }
        catch (DateTimeException ex) {
            redirect.addFlashAttribute("error",
                    "“" + zone + "” is not a time zone: pick one from the list, such as Europe/Berlin.");
            return "redirect:/admin/reports";
        }
        if (hour < 0 || hour > 23) {
            redirect.addFlashAttribute("error", "Pick an hour of the day, 00:00 to 23:00.");
            return "redirect:/admin/reports";
        }
        List<String> addresses = new ArrayList<>();
        for (String address : Arrays.stream(recipients.split("[,;\\s]+")).filter((a) -> !a.isBlank()).toList()) {
            try {
                new InternetAddress(address, true).validate();
                addresses.add(address);
            }
            catch (AddressException ex) {
                redirect.addFlashAttribute("error", "“" + address + "” is not an e-mail address.");
                return "redirect:/admin/reports";
            }
        }
        Set<SummaryKind> chosen = EnumSet.noneOf(SummaryKind.class);
        if (kinds != null) {
            kinds.forEach((k) -> chosen.add(SummaryKind.of(k)));
        }
        this.settings.save(zoneId, hour, addresses, chosen, principal.getName());
        redirect.addFlashAttribute("success",
                "Report settings saved: days, weeks and months now start at midnight in " + zoneId.getId() + ".");
        return "redirect:/admin/reports";
    }

    @PostMapping("/reset")
    String reset(RedirectAttributes redirect) {
        this.settings.reset();
        redirect.addFlashAttribute("success", "Report settings are back to the configured defaults.");
        return "redirect:/admin/reports";
    }

}
