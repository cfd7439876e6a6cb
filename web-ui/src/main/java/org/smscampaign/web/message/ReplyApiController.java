package org.smscampaign.web.message;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.messaging.KindCorrection;
import org.smscampaign.messaging.OptOuts;
import org.smscampaign.messaging.Replies;
import org.smscampaign.messaging.ReplyKind;
import org.smscampaign.messaging.ReplyView;
import org.smscampaign.messaging.SuppressionView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Replies, their review queue and the suppression list over REST. */
@RestController
@Tag(name = "Replies and opt-outs")
class ReplyApiController {

    private final Replies replies;

    private final OptOuts optOuts;

    ReplyApiController(Replies replies, OptOuts optOuts) {
        this.replies = replies;
        this.optOuts = optOuts;
    }

    /** A person's decision on a reply that reads like an opt-out. */
    record ReviewRequest(boolean optOut) {

    }

    /** A number to stop texting, and why. */
    record SuppressionRequest(String phone, String why) {

    }

    @GetMapping("/api/v1/replies")
    @Operation(summary = "Replies, newest first",
            description = "Texts received from recipients, of one campaign when given; with awaitingReview=true the "
                    + "replies that read like an opt-out and wait for a person's decision, oldest first.")
    List<ReplyView> replies(@RequestParam(required = false) Long campaign,
            @RequestParam(defaultValue = "false") boolean awaitingReview,
            @RequestParam(defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(limit, 1000));
        return awaitingReview ? this.replies.awaitingReview(size) : this.replies.latest(campaign, size);
    }

    @PostMapping("/api/v1/replies/{id}/review")
    @Operation(summary = "Decide whether a reply was an opt-out",
            description = "An opt-out suppresses the number at once and withdraws its waiting messages. 409 when the "
                    + "reply was decided before or needs no review.")
    ReplyView review(@PathVariable long id, @RequestBody ReviewRequest request, Principal principal) {
        this.replies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Reply " + id));
        if (!this.replies.review(id, request.optOut(), principal.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Reply " + id + " needs no decision");
        }
        return this.replies.find(id).orElseThrow();
    }

    /** A person's correction of what a text is, and why. */
    record KindRequest(ReplyKind kind, String note) {

    }

    /** A text after a correction, with every correction of it (oldest first). */
    record KindChanged(ReplyView reply, List<KindCorrection> corrections, boolean numberOptedOut) {

    }

    @PutMapping("/api/v1/replies/{id}/kind")
    @Operation(summary = "Correct what a received text is",
            description = "Kept with who, when and the note; the rules' verdict stays as classifiedKind. OPT_OUT "
                    + "suppresses the number at once; a correction away from OPT_OUT does not subscribe the number "
                    + "again (only the person may, by texting START).")
    KindChanged correct(@PathVariable long id, @RequestBody KindRequest request, Principal principal) {
        if (request.kind() == null) {
            throw new IllegalArgumentException("kind: one of " + java.util.Arrays.toString(ReplyKind.values()));
        }
        ReplyView reply = this.replies.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Reply " + id));
        this.replies.correct(id, request.kind(), request.note(), principal.getName());
        return new KindChanged(this.replies.find(id).orElseThrow(), this.replies.corrections(id),
                this.optOuts.isSuppressed(reply.from()));
    }

    @GetMapping("/api/v1/suppressions")
    @Operation(summary = "Numbers that are never texted, newest first")
    List<SuppressionView> suppressions(@RequestParam(defaultValue = "100") int limit) {
        return this.optOuts.latest(Math.max(1, Math.min(limit, 10_000)));
    }

    @PostMapping("/api/v1/suppressions")
    @Operation(summary = "Stop texting a number",
            description = "Takes effect before the next send; the number's waiting messages are withdrawn.")
    ResponseEntity<Void> suppress(@RequestBody SuppressionRequest request, Principal principal) {
        String phone = (request.phone() != null) ? request.phone().strip() : "";
        if (!phone.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("phone: give the number in E.164, like +4917612345678");
        }
        boolean added = this.optOuts.suppress(phone,
                ((request.why() != null && !request.why().isBlank()) ? request.why().strip() : "listed") + " by "
                        + principal.getName());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @DeleteMapping("/api/v1/suppressions/{phone}")
    @Operation(summary = "Text a number again", description = "For a recipient who asked to receive messages again.")
    ResponseEntity<Void> release(@PathVariable String phone, Principal principal) {
        return this.optOuts.release(phone.strip(), "released by " + principal.getName())
                ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

}
