package org.smscampaign.web.inbox;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.campaign.AnswerSent;
import org.smscampaign.campaign.ConversationAnswers;
import org.smscampaign.messaging.Conversation;
import org.smscampaign.messaging.ConversationFilter;
import org.smscampaign.messaging.Conversations;
import org.smscampaign.messaging.InboxNote;
import org.smscampaign.messaging.SavedAnswer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The two-way inbox over REST: conversations, assignment, notes, answers, done. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox")
class InboxApiController {

    private final Conversations conversations;

    private final ConversationAnswers answers;

    private final InboxRows rows;

    private final InboxEvents events;

    InboxApiController(Conversations conversations, ConversationAnswers answers, InboxRows rows, InboxEvents events) {
        this.conversations = conversations;
        this.answers = answers;
        this.rows = rows;
        this.events = events;
    }

    /** Who looks after a conversation (null: nobody). */
    record AssignRequest(String assignee) {

    }

    /** An internal note: never sent. */
    record NoteRequest(String text) {

    }

    /**
     * An answer: the text (merge fields such as {{first_name|there}} are rendered with
     * the contact), or a saved answer's id.
     */
    record AnswerRequest(String text, Long savedAnswerId) {

    }

    /** Done (closed until the next text) or open again. */
    record DoneRequest(boolean done) {

    }

    /** A saved answer's title and text (merge fields allowed). */
    record SavedAnswerRequest(String title, String body) {

    }

    /** A conversation in the list, with the contact's name and the campaigns' names. */
    record ConversationRow(String phone, String name, Long contactId, List<InboxRows.Campaign> campaigns,
            String lastText, java.time.Instant lastActivity, int waiting, boolean needsAnswer, boolean done,
            String assignedTo, boolean flagged, String channel) {

    }

    @GetMapping
    @Operation(summary = "Conversations, newest activity first",
            description = "One per number that wrote: the texts received from it and sent to it. needsAnswer=true: "
                    + "an unanswered query or flagged by a person, and not done; campaign: texts from or to it; "
                    + "assignedTo=me: the caller's; state: OPEN (default), DONE or ALL.")
    List<ConversationRow> list(@RequestParam(defaultValue = "false") boolean needsAnswer,
            @RequestParam(required = false) Long campaign, @RequestParam(required = false) String assignedTo,
            @RequestParam(defaultValue = "OPEN") ConversationFilter.State state,
            @RequestParam(defaultValue = "100") int limit, Principal principal) {
        String assignee = "me".equals(assignedTo) ? principal.getName() : assignedTo;
        return this.rows
            .rows(this.conversations.list(new ConversationFilter(needsAnswer, campaign, assignee, state),
                    Math.max(1, Math.min(limit, 500))))
            .stream()
            .map(InboxApiController::row)
            .toList();
    }

    @GetMapping("/{phone}")
    @Operation(summary = "A conversation",
            description = "Its texts (received ones with their kind, the rule that decided it and any corrections; "
                    + "sent ones with their status and due time), internal notes, and the sender an answer goes on.")
    Conversation get(@PathVariable String phone) {
        return this.conversations.find(phone).orElseThrow(() -> notFound(phone));
    }

    @PutMapping("/{phone}/assignee")
    @Operation(summary = "Assign a conversation",
            description = "To a user who may use the inbox (\"me\": the caller; null: nobody).")
    ConversationRow assign(@PathVariable String phone, @RequestBody AssignRequest request, Principal principal) {
        String to = (request.assignee() == null || request.assignee().isBlank()) ? null
                : "me".equals(request.assignee()) ? principal.getName() : request.assignee().strip();
        if (to != null && !this.rows.assignees().contains(to)) {
            throw new IllegalArgumentException("assignee: " + to + " may not use the inbox");
        }
        this.conversations.assign(phone, to, principal.getName());
        this.events.changed(phone);
        return summary(phone);
    }

    @PostMapping("/{phone}/notes")
    @Operation(summary = "Add an internal note", description = "Seen by the team only; never sent.")
    ResponseEntity<InboxNote> note(@PathVariable String phone, @RequestBody NoteRequest request, Principal principal) {
        InboxNote note = this.conversations.note(phone, request.text(), principal.getName());
        this.events.changed(phone);
        return ResponseEntity.status(HttpStatus.CREATED).body(note);
    }

    @PostMapping("/{phone}/answers")
    @Operation(summary = "Answer the person",
            description = "Sent on the sender the person wrote to. 422 outside-customer-window for free text on "
                    + "WhatsApp more than 24 hours after their last WhatsApp message; 409 when the number opted "
                    + "out. Outside the person's allowed hours the answer is queued for the window's opening "
                    + "(scheduled: true). The conversation's texts count as answered from now. Give an "
                    + "Idempotency-Key header (8-64 letters, digits, dashes) to make a retry send nothing more.")
    ResponseEntity<AnswerSent> answer(@PathVariable String phone, @RequestBody AnswerRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal principal) {
        String template = request.text();
        if ((template == null || template.isBlank()) && request.savedAnswerId() != null) {
            template = this.conversations.savedAnswer(request.savedAnswerId())
                .map(SavedAnswer::body)
                .orElseThrow(() -> new IllegalArgumentException("savedAnswerId: no such saved answer"));
        }
        AnswerSent sent = this.answers.answer(phone, template, principal.getName(), idempotencyKey);
        this.events.changed(phone);
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }

    @PutMapping("/{phone}/done")
    @Operation(summary = "Mark a conversation done (or open it again)",
            description = "A done conversation comes back when the person writes again.")
    ConversationRow done(@PathVariable String phone, @RequestBody DoneRequest request, Principal principal) {
        this.conversations.done(phone, request.done(), principal.getName());
        this.events.changed(phone);
        return summary(phone);
    }

    @GetMapping("/saved-answers")
    @Operation(summary = "Saved answers",
            description = "Their text may hold merge fields such as {{first_name|there}}.")
    List<SavedAnswer> savedAnswers() {
        return this.conversations.savedAnswers();
    }

    @PostMapping("/saved-answers")
    @Operation(summary = "Write a saved answer", description = "Marketers and admins.")
    ResponseEntity<SavedAnswer> createSavedAnswer(@RequestBody SavedAnswerRequest request, Principal principal) {
        SavedAnswer saved = this.conversations.saveAnswer(null, request.title(), request.body(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/inbox/saved-answers/" + saved.id())).body(saved);
    }

    @PutMapping("/saved-answers/{id}")
    @Operation(summary = "Change a saved answer", description = "Marketers and admins.")
    SavedAnswer updateSavedAnswer(@PathVariable long id, @RequestBody SavedAnswerRequest request, Principal principal) {
        try {
            return this.conversations.saveAnswer(id, request.title(), request.body(), principal.getName());
        }
        catch (NoSuchElementException ex) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
        }
    }

    @DeleteMapping("/saved-answers/{id}")
    @Operation(summary = "Delete a saved answer", description = "Marketers and admins.")
    ResponseEntity<Void> deleteSavedAnswer(@PathVariable long id) {
        return this.conversations.deleteSavedAnswer(id) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private ConversationRow summary(String phone) {
        return row(this.rows.row(this.conversations.find(phone).orElseThrow(() -> notFound(phone)).summary()));
    }

    private static ConversationRow row(InboxRows.Row row) {
        var c = row.conversation();
        return new ConversationRow(c.phone(), row.name(), c.contactId(), row.campaigns(), c.lastText(),
                c.lastActivity(), c.waiting(), c.needsAnswer(), c.done(), c.assignedTo(), c.flagged(),
                c.channel().name());
    }

    private static ResponseStatusException notFound(String phone) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Nobody wrote from " + phone);
    }

}
