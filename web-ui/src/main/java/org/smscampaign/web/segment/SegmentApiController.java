package org.smscampaign.web.segment;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.contact.AudienceCount;
import org.smscampaign.contact.ContactCriteria;
import org.smscampaign.contact.ContactField;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.CriteriaOperator;
import org.smscampaign.contact.CustomAttributeView;
import org.smscampaign.contact.CustomAttributes;
import org.smscampaign.platform.ReplicaReads;
import org.smscampaign.segment.SegmentPreview;
import org.smscampaign.segment.SegmentView;
import org.smscampaign.segment.Segments;
import org.smscampaign.web.bulkhead.ExpensiveRead;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segments over REST, and what the rule builder needs: fields, operators, live previews.
 */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments")
class SegmentApiController {

    private final Segments segments;

    private final CustomAttributes customAttributes;

    private final ContactLists lists;

    private final CampaignManagement campaigns;

    private final ReplicaReads replica;

    SegmentApiController(Segments segments, CustomAttributes customAttributes, ContactLists lists,
            CampaignManagement campaigns, ReplicaReads replica) {
        this.replica = replica;
        this.segments = segments;
        this.customAttributes = customAttributes;
        this.lists = lists;
        this.campaigns = campaigns;
    }

    @GetMapping
    @Operation(summary = "All segments")
    List<SegmentView> all() {
        return this.segments.all();
    }

    @PostMapping
    @Operation(summary = "Create a segment", description = "The rule is checked; 400 names the condition at fault.")
    ResponseEntity<SegmentView> create(@Valid @RequestBody SegmentRequest request, Principal principal) {
        SegmentView segment = this.segments.create(request.name(), request.description(), request.rule(),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(segment);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A segment")
    SegmentView get(@PathVariable long id) {
        return this.segments.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a segment")
    SegmentView update(@PathVariable long id, @Valid @RequestBody SegmentRequest request) {
        return this.segments.update(id, request.name(), request.description(), request.rule());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a segment")
    ResponseEntity<Void> delete(@PathVariable long id) {
        this.segments.delete(id);
        return ResponseEntity.noContent().build();
    }

    @ExpensiveRead
    @GetMapping("/{id}/count")
    @Operation(summary = "How many contacts the segment selects, and how many are reachable",
            description = "Reachable: subscribed and not erased. Unsubscribed contacts are never reachable.")
    AudienceCount count(@PathVariable long id) {
        return this.replica.read(() -> this.segments.count(id));
    }

    @ExpensiveRead
    @PostMapping("/preview")
    @Operation(summary = "Count and sample what a rule selects, without saving it",
            description = "Behaviour rules (RECEIVED, DELIVERED, CLICKED, CONVERTED, REPLIED, QUERIED, REDEEMED with "
                    + "DID or DID_NOT) take campaignId, withinDays or (CLICKED) lastMessages; REVENUE and ORDERS "
                    + "compare totals; LAST_ENGAGED takes dates; WHATSAPP_REACHABLE and RCS_REACHABLE take "
                    + "IS_TRUE or IS_FALSE.")
    SegmentPreview preview(@RequestBody ContactCriteria rule) {
        return this.replica.read(() -> this.segments.preview(rule));
    }

    @GetMapping("/vocabulary")
    @Operation(summary = "Fields, operators, custom attributes and lists a rule can use")
    Vocabulary vocabulary() {
        List<FieldInfo> fields = Arrays.stream(ContactField.values())
            .map((field) -> new FieldInfo(field, field.label(), field.kind(),
                    field.kind().operators().stream().toList()))
            .toList();
        List<OperatorInfo> operators = Arrays.stream(CriteriaOperator.values())
            .map((operator) -> new OperatorInfo(operator, operator.label(), operator.arity()))
            .toList();
        Map<ContactField.Kind, List<CriteriaOperator>> kinds = new EnumMap<>(ContactField.Kind.class);
        for (ContactField.Kind kind : ContactField.Kind.values()) {
            kinds.put(kind, kind.operators().stream().toList());
        }
        List<CampaignOption> campaignOptions = this.campaigns.names()
            .entrySet()
            .stream()
            .map((entry) -> new CampaignOption(entry.getKey(), entry.getValue()))
            .toList();
        return new Vocabulary(fields, operators, kinds, this.customAttributes.list(), this.lists.all(),
                campaignOptions);
    }

    /** What a rule can name; campaigns for behaviour rules ("clicked in campaign X"). */
    record Vocabulary(List<FieldInfo> fields, List<OperatorInfo> operators,
            Map<ContactField.Kind, List<CriteriaOperator>> kinds, List<CustomAttributeView> customAttributes,
            List<ContactListView> lists, List<CampaignOption> campaigns) {

    }

    record CampaignOption(long id, String name) {

    }

    record FieldInfo(ContactField field, String label, ContactField.Kind kind, List<CriteriaOperator> operators) {

    }

    record OperatorInfo(CriteriaOperator operator, String label, int arity) {

    }

}
