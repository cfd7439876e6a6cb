package org.smscampaign.web.segment;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.campaign.RetargetAudience;
import org.smscampaign.campaign.Retargeting;
import org.smscampaign.segment.SegmentView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-targeting over REST: a segment of the people at one stage of a campaign's funnel.
 */
@RestController
@Tag(name = "Segments")
class RetargetApiController {

    private final Retargeting retargeting;

    RetargetApiController(Retargeting retargeting) {
        this.retargeting = retargeting;
    }

    @PostMapping("/api/v1/campaigns/{id}/retarget")
    @Operation(summary = "Make a segment of the people at one stage of a campaign's funnel",
            description = "Audiences: DELIVERED_NOT_CLICKED, CLICKED, CLICKED_NOT_CONVERTED, CONVERTED, RESPONDED, "
                    + "RESPONDED_NOT_CONVERTED, QUERIED, NOT_DELIVERED. Without a name the segment is named "
                    + "after the audience and the campaign.")
    ResponseEntity<SegmentView> api(@PathVariable long id, @RequestBody RetargetRequest request, Principal principal) {
        SegmentView segment = this.retargeting.retarget(id, RetargetAudience.parse(request.audience()), request.name(),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(segment);
    }

    /** Who to re-target, and optionally the segment's name. */
    record RetargetRequest(String audience, String name) {

    }

}
