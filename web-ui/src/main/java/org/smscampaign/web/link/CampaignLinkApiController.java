package org.smscampaign.web.link;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.DestinationChange;
import org.smscampaign.link.LinkDestinations;
import org.smscampaign.link.LinkGroupPage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's links by destination over REST, and a mistyped destination corrected once
 * for all its recipients' links.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaign}/links")
@Tag(name = "Links")
class CampaignLinkApiController {

    private final LinkDestinations destinations;

    CampaignLinkApiController(LinkDestinations destinations) {
        this.destinations = destinations;
    }

    @GetMapping
    @Operation(summary = "A campaign's links grouped by destination",
            description = "One row per destination as written (without the UTM parameters each link gets), with the "
                    + "number of recipient links, raw and human hits and people who clicked; paginated, with totals.")
    LinkGroupPage groups(@PathVariable long campaign, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return this.destinations.groups(campaign, page, Math.max(1, Math.min(size, 500)));
    }

    @PatchMapping
    @Operation(summary = "Correct a destination for all the recipient links of a campaign",
            description = "Every recipient link of the campaign that leads to `from` (as written, without UTM "
                    + "parameters) leads to `to` from now on, keeping its own UTM parameters. The new destination is "
                    + "checked by the brand's rules as on creation; the change is audited and every instance's "
                    + "redirector follows it at once. 404 when no link of the campaign leads to `from`.")
    DestinationChange correct(@PathVariable long campaign, @RequestParam String from,
            @RequestBody DestinationRequest request, Principal principal) {
        return this.destinations.change(campaign, from, request.to(), principal.getName());
    }

    /** The new destination. */
    record DestinationRequest(String to) {

    }

}
