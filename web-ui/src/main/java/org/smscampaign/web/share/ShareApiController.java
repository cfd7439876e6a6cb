package org.smscampaign.web.share;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.web.error.ProblemType;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shared read-only links over REST, for managers and admins. */
@RestController
@RequestMapping("/api/v1/shares")
@Tag(name = "Shared links")
class ShareApiController {

    private static final int LIST_LIMIT = 200;

    private final Shares shares;

    ShareApiController(Shares shares) {
        this.shares = shares;
    }

    /**
     * A new link: either a campaign's dashboard ({@code campaignId}) or the summary of a
     * range of days ({@code from} and {@code to}, inclusive, in the account's time zone).
     *
     * @param days how long the link works (default {@code sms.web.share.default-days})
     * @param label a note on whom it is for, shown only to managers
     */
    record NewShare(Long campaignId, LocalDate from, LocalDate to, Integer days, String label) {

    }

    @PostMapping
    @Operation(summary = "Share a campaign dashboard or a summary read-only",
            description = "Answers the link (`url`, https://<public address>/shared/<token>) that opens the "
                    + "dashboard or summary without signing in, without navigation and without any contact's "
                    + "data, until `expiresAt` or until revoked. Managers and admins only.")
    ResponseEntity<ShareLink> createShare(@RequestBody NewShare body, Principal principal) {
        if (body == null || (body.campaignId() == null) == (body.from() == null && body.to() == null)) {
            throw new ShareProblem("Give either campaignId, or from and to.");
        }
        ShareLink link = (body.campaignId() != null)
                ? this.shares.shareCampaign(body.campaignId(), body.days(), body.label(), principal.getName())
                : this.shares.shareSummary(body.from(), body.to(), body.days(), body.label(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/shares/" + link.id())).body(link);
    }

    @GetMapping
    @Operation(summary = "Shared links, newest first",
            description = "All, or those of one campaign; with their status (ACTIVE, EXPIRED, REVOKED), "
                    + "openings and last opening.")
    List<ShareLink> listShares(@RequestParam(required = false) Long campaignId) {
        return this.shares.recent(campaignId, LIST_LIMIT);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One shared link")
    ResponseEntity<ShareLink> getShare(@PathVariable long id) {
        return ResponseEntity.of(this.shares.find(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a shared link",
            description = "The link stops opening at once (410 Gone); it stays in the list as revoked.")
    ResponseEntity<Void> revokeShare(@PathVariable long id, Principal principal) {
        if (this.shares.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        this.shares.revoke(id, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ShareProblem.class)
    ResponseEntity<ProblemDetail> problem(ShareProblem ex) {
        return ResponseEntity.badRequest().body(ProblemType.VALIDATION_FAILED.problem(ex.getMessage()));
    }

}
