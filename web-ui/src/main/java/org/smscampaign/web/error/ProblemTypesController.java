package org.smscampaign.web.error;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Documents the problem types that {@code type} members of JSON errors point to. */
@Controller
class ProblemTypesController {

    @GetMapping("/problems")
    String all(Model model) {
        model.addAttribute("types", List.of(ProblemType.values()));
        return "problems";
    }

    @GetMapping("/problems/{slug}")
    String one(@PathVariable String slug, Model model) {
        ProblemType type = ProblemType.ofSlug(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("types", List.of(type));
        return "problems";
    }

}
