package org.smscampaign.web.link;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.link.LinkSearch;
import org.smscampaign.link.LinkUpdate;
import org.smscampaign.link.LinkStats;
import org.smscampaign.link.PlainLinkRequest;
import org.smscampaign.link.QrCodes;
import org.smscampaign.link.ShortLinkView;
import org.smscampaign.link.ShortLinks;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Short links over REST: plain links with QR codes, and hit statistics. */
@RestController
@RequestMapping("/api/v1/links")
@Tag(name = "Links")
class LinkApiController {

    private final ShortLinks links;

    LinkApiController(ShortLinks links) {
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "Links, newest first", description = "All links, or those of one campaign.")
    List<ShortLinkView> list(@RequestParam(required = false) Long campaign,
            @RequestParam(defaultValue = "false") boolean plainOnly, @RequestParam(defaultValue = "100") int limit) {
        return this.links.list(new LinkSearch(campaign, plainOnly), Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping
    @Operation(summary = "Create a plain short link",
            description = "For other channels (print, QR, social). The target must be http(s), without credentials, "
                    + "on the brand's allow-list if it has one; UTM parameters are appended unless present.")
    ResponseEntity<ShortLinkView> create(@RequestBody PlainLinkRequest request, Principal principal) {
        ShortLinkView link = this.links.create(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/links/" + link.id())).body(link);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A link")
    ShortLinkView get(@PathVariable long id) {
        return this.links.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a link's destination or end",
            description = "Fields left out stay as they are. The destination is checked as on creation; an end "
                    + "already past ends the link now. Every instance redirects by the change as soon as it is saved.")
    ShortLinkView update(@PathVariable long id, @RequestBody LinkUpdate update) {
        return this.links.update(id, update);
    }

    @GetMapping("/{id}/stats")
    @Operation(summary = "Hits of a link: raw and human, with the exclusion breakdown")
    LinkStats stats(@PathVariable long id) {
        this.links.get(id);
        return this.links.statsOfLink(id);
    }

    @GetMapping("/stats")
    @Operation(summary = "Hits of all links of a campaign: raw and human, with the exclusion breakdown")
    LinkStats campaignStats(@RequestParam long campaign) {
        return this.links.statsOfCampaign(campaign);
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "QR code of a link as PNG")
    byte[] qrPng(@PathVariable long id, @RequestParam(defaultValue = "300") int size) {
        return QrCodes.png(this.links.get(id).shortUrl(), Math.max(100, Math.min(size, 2000)));
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "QR code of a link as SVG (print)")
    String qrSvg(@PathVariable long id) {
        return QrCodes.svg(this.links.get(id).shortUrl());
    }

}
