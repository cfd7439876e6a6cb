package org.smscampaign.web.link;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.AgentExplanation;
import org.smscampaign.link.ClassificationSource;
import org.smscampaign.link.ClickClassification;
import org.smscampaign.link.ClickReclassifications;
import org.smscampaign.link.ReclassificationView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Click classification over REST, for admins: the try-out, the sources, reclassification.
 */
@RestController
@RequestMapping("/api/v1/click-classification")
@Tag(name = "Click classification")
class ClickClassificationApiController {

    private final ClickClassification classification;

    private final ClickReclassifications reclassifications;

    ClickClassificationApiController(ClickClassification classification, ClickReclassifications reclassifications) {
        this.classification = classification;
        this.reclassifications = reclassifications;
    }

    @GetMapping
    @Operation(summary = "How a user agent is classified, and which source decided",
            description = "The sources are asked in order (admins' additions, SMS rules, Yauaa, isbot) and the first "
                    + "with a verdict decides; opinions says what each says on its own. A verdict's reason is null "
                    + "for a person.")
    AgentExplanation classify(@RequestParam String userAgent) {
        return this.classification.explain(userAgent.strip());
    }

    @GetMapping("/sources")
    @Operation(summary = "The sources of click classification with their versions, in order of precedence")
    List<ClassificationSource> sources() {
        return this.classification.sources();
    }

    @PostMapping("/reclassifications")
    @Operation(summary = "Reclassify the stored hits of a range of days",
            description = "Days in UTC, both included, at most 366. Runs in the background (one at a time): each "
                    + "hit's verdict is recomputed with today's rules, the campaigns' click figures follow and "
                    + "conversions are attributed again to the last human click. 409 while one runs.")
    @ApiResponse(responseCode = "202", description = "Started; the Location header says where to follow it")
    ResponseEntity<ReclassificationView> reclassify(@RequestBody ReclassificationRequest request, Principal principal) {
        ReclassificationView started = this.reclassifications.start(request.from(), request.to(), principal.getName());
        return ResponseEntity.accepted()
            .location(URI.create("/api/v1/click-classification/reclassifications/" + started.id()))
            .body(started);
    }

    @GetMapping("/reclassifications")
    @Operation(summary = "The latest reclassifications, newest first")
    List<ReclassificationView> reclassifications(@RequestParam(defaultValue = "20") int limit) {
        return this.reclassifications.recent(Math.max(1, Math.min(limit, 100)));
    }

    @GetMapping("/reclassifications/{id}")
    @Operation(summary = "A reclassification and how far it got")
    ReclassificationView reclassification(@PathVariable long id) {
        return this.reclassifications.get(id);
    }

}
