package org.smscampaign.web.segment;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.segment.SegmentProblem;
import org.smscampaign.segment.SegmentView;
import org.smscampaign.segment.Segments;
import org.smscampaign.web.bulkhead.ExpensiveRead;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Segments in the browser: the overview with counts, and the rule builder (a script edits
 * the rule as JSON and shows the live count from the preview API; saving posts the form).
 */
@Controller
@RequestMapping("/segments")
class SegmentPagesController {

    private final Segments segments;

    private final JsonMapper json;

    private final ReplicaReads replica;

    SegmentPagesController(Segments segments, JsonMapper json, ReplicaReads replica) {
        this.replica = replica;
        this.segments = segments;
        this.json = json;
    }

    @ExpensiveRead
    @GetMapping
    String index(Model model) {
        Map<SegmentView, AudienceCount> counts = new LinkedHashMap<>();
        this.replica.run(
                () -> this.segments.all().forEach((segment) -> counts.put(segment, this.segments.count(segment.id()))));
        model.addAttribute("segments", counts);
        return "segments/index";
    }

    @GetMapping("/new")
    String newSegment(Model model) {
        return editor(model, null, "", "", ContactCriteria.EVERYONE);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        SegmentView segment = this.segments.get(id);
        return editor(model, segment.id(), segment.name(), segment.description(), segment.rule());
    }

    @PostMapping
    String create(@RequestParam String name, @RequestParam(required = false) String description,
            @RequestParam String rule, Principal principal, Model model, RedirectAttributes redirect) {
        return save(null, name, description, rule, principal, model, redirect);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String description,
            @RequestParam String rule, Principal principal, Model model, RedirectAttributes redirect) {
        return save(id, name, description, rule, principal, model, redirect);
    }

    @PostMapping("/{id}/deletion")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        this.segments.delete(id);
        redirect.addFlashAttribute("success", "Segment deleted.");
        return "redirect:/segments";
    }

    private String save(Long id, String name, String description, String ruleJson, Principal principal, Model model,
            RedirectAttributes redirect) {
        ContactCriteria rule;
        try {
            rule = this.json.readValue(ruleJson, ContactCriteria.class);
        }
        catch (JacksonException ex) {
            model.addAttribute("error", "The rule could not be read; reload the page and try again.");
            return editor(model, id, name, description, ContactCriteria.EVERYONE);
        }
        try {
            SegmentView saved = (id == null) ? this.segments.create(name, description, rule, principal.getName())
                    : this.segments.update(id, name, description, rule);
            redirect.addFlashAttribute("success", "Segment '" + saved.name() + "' saved.");
            return "redirect:/segments/" + saved.id();
        }
        catch (SegmentProblem ex) {
            model.addAttribute("error", ex.getMessage());
            return editor(model, id, name, description, rule);
        }
    }

    private String editor(Model model, Long id, String name, String description, ContactCriteria rule) {
        model.addAttribute("segmentId", id);
        model.addAttribute("name", name);
        model.addAttribute("description", (description != null) ? description : "");
        model.addAttribute("rule", this.json.writeValueAsString(rule));
        model.addAttribute("sizes", List.of());
        return "segments/edit";
    }

}
