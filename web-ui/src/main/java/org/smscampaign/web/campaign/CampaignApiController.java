package org.smscampaign.web.campaign;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.campaign.Preflight;
import org.smscampaign.contact.ContactProperties;
import org.smscampaign.contact.PhoneNumbers;
import org.smscampaign.messaging.MessageGateway;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns over REST: drafts, preflight, launch and lifecycle, test sends. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
class CampaignApiController {

    private final CampaignManagement campaigns;

    private final PhoneNumbers numbers;

    private final ContactProperties contactSettings;

    private final MessageGateway gateway;

    CampaignApiController(CampaignManagement campaigns, PhoneNumbers numbers, ContactProperties contactSettings,
            MessageGateway gateway) {
        this.gateway = gateway;
        this.campaigns = campaigns;
        this.numbers = numbers;
        this.contactSettings = contactSettings;
    }

    /** A test message: the number and the variant to send. */
    record TestSend(String number, String variant) {

    }

    /** The id of a queued message, and the channel it goes on (SMS, WHATSAPP, RCS). */
    record Queued(long messageId, String channel) {

    }

    @GetMapping
    @Operation(summary = "Campaigns, newest first", description = "All, or those in one status.")
    List<CampaignView> list(@RequestParam(required = false) CampaignStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return this.campaigns.list(status, limit);
    }

    @PostMapping
    @Operation(summary = "Create a draft",
            description = "Audience (segments and lists in and out, or audience.everyone: true for everyone "
                    + "subscribed; nothing chosen is nobody: such a draft is saved but cannot launch), variants with merge fields "
                    + "({{first_name|there}}) and tracked links ({{link:https://...}}), schedule (NOW, AT, LOCAL_TIME), "
                    + "window policy, holdout, A/B winner, goals, other costs, and an optional cascade: "
                    + "{order: MANUAL|CHEAPEST, steps: [{sender, timeoutMinutes (1-4320), deliveredWhen: "
                    + "DELIVERED|READ, body (RCS text), template: {sid, variables} (WhatsApp)}]} with 2-4 steps on "
                    + "distinct channels and exactly one SMS step on the campaign's sender (null: SMS only), and "
                    + "replyKeywords: [{keyword, variant (null: whole campaign), answer (automatic answer with merge "
                    + "fields), listId}]; a keyword another active campaign on the same sender holds answers 409 "
                    + "keyword-taken with campaignId, campaignName and activeUntil.")
    ResponseEntity<CampaignView> create(@RequestBody CampaignDraft draft, Principal principal) {
        CampaignView created = this.campaigns.create(draft, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign with its launch counts and history")
    CampaignView get(@PathVariable long id) {
        return this.campaigns.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rewrite a draft",
            description = "Only drafts; 409 once launched, and 409 keyword-taken for a reply keyword another "
                    + "active campaign on the same sender holds.")
    CampaignView update(@PathVariable long id, @RequestBody CampaignDraft draft, Principal principal) {
        return this.campaigns.update(id, draft, principal.getName());
    }

    @PostMapping("/{id}/duplicate")
    @Operation(summary = "Duplicate as a new draft",
            description = "A new draft named \"Copy of ...\" with the campaign's audience, texts, schedule, goals, "
                    + "costs and cascade; 422 when something it uses is no longer valid (a template no longer "
                    + "approved).")
    ResponseEntity<CampaignView> duplicate(@PathVariable long id, Principal principal) {
        CampaignView copy = this.campaigns.duplicate(id, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + copy.id())).body(copy);
    }

    @PutMapping("/{id}/goals")
    @Operation(summary = "Change the goals",
            description = "The whole list: each goal is a metric (HUMAN_CTR, CONVERSIONS, REVENUE, PROFIT, ROI, "
                    + "REPLIES, QUERIES, RESPONSES, RESPONSE_RATE, ANSWER_RATE: at least; COST_PER_CONVERSION, "
                    + "COST_PER_CLICK, OPT_OUT_RATE, "
                    + "UNDELIVERED_RATE: at most), a target and, for CONVERSIONS, an optional event (lead, sale; "
                    + "empty counts every event). direction is read-only (it follows the metric); older clients "
                    + "sending only metric and target keep working. After launch each target change is logged "
                    + "(campaign goalStates[].changes: who, when, from, to). Once the evaluation window ended "
                    + "and the goals were judged, any change is refused with 422 problem goal-judged.")
    CampaignView goals(@PathVariable long id, @RequestBody List<CampaignDraft.Goal> goals, Principal principal) {
        return this.campaigns.changeGoals(id, goals, principal.getName());
    }

    @PutMapping("/{id}/costs")
    @Operation(summary = "Change the other costs",
            description = "Costs besides the messages, in the reporting currency: FIXED (an agency fee, the creative) "
                    + "or PER_CONVERSION (a coupon's discount, a commission). Profit, ROI and cost per conversion "
                    + "count them. Allowed after launch (invoices arrive late); the change is logged.")
    CampaignView costs(@PathVariable long id, @RequestBody List<CampaignDraft.Cost> costs, Principal principal) {
        return this.campaigns.changeCosts(id, costs, principal.getName());
    }

    @GetMapping("/{id}/preflight")
    @Operation(summary = "What a launch would send",
            description = "Every recipient's message rendered for real: encoding, segments and their distribution, "
                    + "cost by destination country, exclusions, and warnings. For a cascade, cascade holds the "
                    + "expected cost against SMS only, the expected savings, and per channel and country the "
                    + "recipients expected on each step with the delivery rate (LEARNED or DEFAULT) and price "
                    + "assumed; estimatedCost is then the cascade's expected cost.")
    Preflight preflight(@PathVariable long id) {
        return this.campaigns.preflight(id);
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Launch",
            description = "Idempotent: launching twice launches once. The messages are written in the background. "
                    + "Unlike the campaign page, no confirmation is asked: the call is the decision (check the "
                    + "preflight first). A draft without an audience is refused with 422 and type "
                    + "/problems/no-audience.")
    CampaignView launch(@PathVariable long id, Principal principal) {
        return this.campaigns.launch(id, principal.getName());
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause sending", description = "Stops new sends within seconds.")
    CampaignView pause(@PathVariable long id, Principal principal) {
        return this.campaigns.pause(id, principal.getName());
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume sending", description = "Nothing is sent twice.")
    CampaignView resume(@PathVariable long id, Principal principal) {
        return this.campaigns.resume(id, principal.getName());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel", description = "Withdraws the messages not yet sent.")
    CampaignView cancel(@PathVariable long id, Principal principal) {
        return this.campaigns.cancel(id, principal.getName());
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send one variant to a number now, as a test",
            description = "A cascade campaign's test goes on the channel of its first listed step (its template on "
                    + "WhatsApp); the answer names the channel.")
    Queued test(@PathVariable long id, @RequestBody TestSend request, Principal principal) {
        PhoneNumbers.Result number = this.numbers.parse(request.number(), this.contactSettings.defaultRegion());
        if (!number.isValid()) {
            throw new IllegalArgumentException("number: " + number.problem());
        }
        long message = this.campaigns.testSend(id, (request.variant() != null) ? request.variant() : "A",
                number.number().e164(), principal.getName());
        return new Queued(message, this.gateway.find(message).map((m) -> m.channel().name()).orElse("SMS"));
    }

}
