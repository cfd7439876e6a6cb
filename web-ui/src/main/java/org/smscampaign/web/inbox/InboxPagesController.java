package org.smscampaign.web.inbox;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.smscampaign.campaign.AnswerRefused;
import org.smscampaign.campaign.AnswerSent;
import org.smscampaign.campaign.ConversationAnswers;
import org.smscampaign.messaging.Conversation;
import org.smscampaign.messaging.ConversationFilter;
import org.smscampaign.messaging.Conversations;
import org.smscampaign.messaging.OutsideCustomerWindow;
import org.smscampaign.messaging.Replies;
import org.smscampaign.messaging.ReplyKind;
import org.smscampaign.messaging.ReplyView;
import org.smscampaign.messaging.SavedAnswer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two-way inbox: conversations by number with filters, one conversation with its
 * texts (kind and the rule that decided each, correctable), notes, assignment, answers
 * (saved or written) and "done"; live through a Server-Sent Events stream.
 */
@Controller
@RequestMapping("/inbox")
class InboxPagesController {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Conversations conversations;

    private final ConversationAnswers answers;

    private final Replies replies;

    private final InboxRows rows;

    private final InboxEvents events;

    private final InboxProperties properties;

    InboxPagesController(Conversations conversations, ConversationAnswers answers, Replies replies, InboxRows rows,
            InboxEvents events, InboxProperties properties) {
        this.conversations = conversations;
        this.answers = answers;
        this.replies = replies;
        this.rows = rows;
        this.events = events;
        this.properties = properties;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "false") boolean needs, @RequestParam(required = false) Long campaign,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "OPEN") ConversationFilter.State state, Principal principal, Model model) {
        list(needs, campaign, mine, state, principal, model);
        model.addAttribute("campaigns",
                this.rows.campaignNames()
                    .entrySet()
                    .stream()
                    .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                    .limit(200)
                    .toList());
        model.addAttribute("pollMillis", this.properties.pollInterval().toMillis());
        return "inbox/index";
    }

    /** The list alone, for the page's live refresh. */
    @GetMapping("/list")
    String listFragment(@RequestParam(defaultValue = "false") boolean needs,
            @RequestParam(required = false) Long campaign, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "OPEN") ConversationFilter.State state, Principal principal, Model model) {
        list(needs, campaign, mine, state, principal, model);
        return "inbox/index :: list";
    }

    private void list(boolean needs, Long campaign, boolean mine, ConversationFilter.State state, Principal principal,
            Model model) {
        ConversationFilter filter = new ConversationFilter(needs, campaign, mine ? principal.getName() : null, state);
        model.addAttribute("rows", this.rows.rows(this.conversations.list(filter, 200)));
        model.addAttribute("needs", needs);
        model.addAttribute("campaign", campaign);
        model.addAttribute("mine", mine);
        model.addAttribute("state", state);
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return this.events.subscribe();
    }

    @GetMapping("/c/{phone}")
    String conversation(@PathVariable String phone, Model model) {
        thread(phone, model);
        model.addAttribute("savedAnswers", this.conversations.savedAnswers());
        model.addAttribute("optedOut", this.answers.optedOut(phone));
        model.addAttribute("assignees", this.rows.assignees());
        model.addAttribute("kinds", ReplyKind.values());
        model.addAttribute("pollMillis", this.properties.pollInterval().toMillis());
        // One key per rendered answer box: sending it twice sends one answer.
        model.addAttribute("answerKey", java.util.UUID.randomUUID().toString());
        return "inbox/conversation";
    }

    /** The texts and state alone, for the page's live refresh. */
    @GetMapping("/c/{phone}/thread")
    String threadFragment(@PathVariable String phone, Model model) {
        thread(phone, model);
        model.addAttribute("assignees", this.rows.assignees());
        model.addAttribute("kinds", ReplyKind.values());
        return "inbox/conversation :: thread";
    }

    private void thread(String phone, Model model) {
        Conversation conversation = this.conversations.find(phone)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Nobody wrote from " + phone));
        model.addAttribute("conversation", conversation);
        model.addAttribute("row", this.rows.row(conversation.summary()));
        model.addAttribute("campaignNames", this.rows.campaignNames());
        model.addAttribute("zone", this.answers.zoneOf(phone));
        model.addAttribute("now", java.time.Instant.now());
    }

    @PostMapping("/c/{phone}/assign")
    String assign(@PathVariable String phone, @RequestParam(defaultValue = "") String assignee, Principal principal,
            RedirectAttributes redirect) {
        String to = assignee.equals("me") ? principal.getName() : assignee.isBlank() ? null : assignee;
        if (to != null && !this.rows.assignees().contains(to)) {
            redirect.addFlashAttribute("error", to + " may not use the inbox.");
            return back(phone);
        }
        this.conversations.assign(phone, to, principal.getName());
        this.events.changed(phone);
        redirect.addFlashAttribute("success",
                (to == null) ? "Nobody looks after this conversation now." : "Assigned to " + to + ".");
        return back(phone);
    }

    @PostMapping("/c/{phone}/note")
    String note(@PathVariable String phone, @RequestParam String text, Principal principal,
            RedirectAttributes redirect) {
        try {
            this.conversations.note(phone, text, principal.getName());
            this.events.changed(phone);
            redirect.addFlashAttribute("success", "Note added (only your team sees it).");
        }
        catch (IllegalArgumentException ex) {
            redirect.addFlashAttribute("error", "Write the note first.");
        }
        return back(phone);
    }

    @PostMapping("/c/{phone}/answer")
    String answer(@PathVariable String phone, @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) Long savedAnswer, @RequestParam(required = false) String answerKey,
            Principal principal, RedirectAttributes redirect) {
        String template = text;
        if (template.isBlank() && savedAnswer != null) {
            template = this.conversations.savedAnswer(savedAnswer).map(SavedAnswer::body).orElse("");
        }
        try {
            AnswerSent sent = this.answers.answer(phone, template, principal.getName(), answerKey);
            this.events.changed(phone);
            redirect.addFlashAttribute("success",
                    sent.scheduled()
                            ? "Scheduled " + HOUR.format(sent.localDue())
                                    + " (their time): it is outside the hours they may be texted, so the answer waits."
                            : "Answer sent on " + channel(sent) + ".");
        }
        catch (AnswerRefused ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        catch (OutsideCustomerWindow ex) {
            redirect.addFlashAttribute("error", "WhatsApp allows free text only within 24 hours of the person's "
                    + "last WhatsApp message, and theirs is older. Send an approved template from Messages instead.");
        }
        catch (IllegalArgumentException ex) {
            redirect.addFlashAttribute("error", "The answer could not be sent: " + ex.getMessage());
            redirect.addFlashAttribute("draft", template);
        }
        return back(phone);
    }

    private static String channel(AnswerSent sent) {
        return switch (sent.channel()) {
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp";
            case RCS -> "RCS";
        };
    }

    @PostMapping("/c/{phone}/done")
    String done(@PathVariable String phone, @RequestParam(defaultValue = "true") boolean done, Principal principal,
            RedirectAttributes redirect) {
        this.conversations.done(phone, done, principal.getName());
        this.events.changed(phone);
        redirect.addFlashAttribute("success",
                done ? "Done: the conversation comes back when they write again." : "Opened again.");
        return done ? "redirect:/inbox" : back(phone);
    }

    @PostMapping("/c/{phone}/flag")
    String flag(@PathVariable String phone, @RequestParam(defaultValue = "true") boolean flagged, Principal principal,
            RedirectAttributes redirect) {
        this.conversations.flag(phone, flagged, principal.getName());
        this.events.changed(phone);
        redirect.addFlashAttribute("success", flagged ? "Flagged: it waits for an answer." : "Flag removed.");
        return back(phone);
    }

    @PostMapping("/replies/{id}/kind")
    String correct(@PathVariable long id, @RequestParam ReplyKind kind, @RequestParam(defaultValue = "") String note,
            Principal principal, RedirectAttributes redirect) {
        ReplyView reply = this.replies.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No text " + id));
        Optional<ReplyKind> was = this.replies.correct(id, kind, note, principal.getName());
        this.events.changed(reply.from());
        String message = "Changed from " + label(was.orElseThrow()) + " to " + label(kind) + ".";
        if (kind == ReplyKind.OPT_OUT && was.get() != ReplyKind.OPT_OUT) {
            message += " The number is opted out and will not be texted.";
        }
        else if (was.get() == ReplyKind.OPT_OUT && kind != ReplyKind.OPT_OUT) {
            message += " The number stays opted out: only the person can subscribe again (by texting START).";
        }
        redirect.addFlashAttribute("success", message);
        return back(reply.from());
    }

    static String label(ReplyKind kind) {
        return switch (kind) {
            case OPT_OUT -> "opt-out";
            case OPT_IN -> "opt-in";
            case HELP -> "help";
            case KEYWORD -> "keyword";
            case QUERY -> "query";
            case OTHER -> "other";
        };
    }

    /** A conversation nobody started (no text from that number). */
    @org.springframework.web.bind.annotation.ExceptionHandler(java.util.NoSuchElementException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
    String noConversation(Model model) {
        model.addAttribute("status", 404);
        return "error/404";
    }

    private static String back(String phone) {
        return "redirect:/inbox/c/" + phone;
    }

}
