package org.smscampaign.web.link;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.Brands;
import org.smscampaign.link.LinkOffenceView;
import org.smscampaign.link.LinkOffences;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins' view of the links that break their brand's rules, and their way to stop them.
 */
@RestController
@RequestMapping("/api/v1/admin/brands/{id}/offenders")
@Tag(name = "Brands")
class BrandApiController {

    private final Brands brands;

    private final LinkOffences offences;

    BrandApiController(Brands brands, LinkOffences offences) {
        this.brands = brands;
        this.offences = offences;
    }

    @GetMapping
    @Operation(summary = "Links that break the brand's rules",
            description = "Found when the brand's rules last changed (and once after the upgrade that brought these "
                    + "checks), grouped by address, most links first. They keep redirecting until disabled.")
    List<LinkOffenceView> list(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        this.brands.get(id);
        return this.offences.of(id, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/disabling")
    @Operation(summary = "Disable the links that break the brand's rules",
            description = "Every instance answers them with a 410 'link disabled' page as soon as this is saved. A "
                    + "link that passes again after a change of it or of the rules redirects again.")
    Map<String, Integer> disable(@PathVariable long id) {
        this.brands.get(id);
        return Map.of("disabled", this.offences.disable(id));
    }

}
