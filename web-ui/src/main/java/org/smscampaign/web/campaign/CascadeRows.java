package org.smscampaign.web.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.messaging.DeliveredWhen;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's cascade as rows of the form: four step slots side by side (a slot without
 * a sender is no step), each with its timeout, what counts as delivered, its own RCS
 * text, and its WhatsApp template with the variables' values as JSON (cascade-form.js
 * keeps them in step with one input per variable).
 */
record CascadeRows(String channels, String cascadeOrder, List<String> stepSender, List<Integer> stepTimeout,
        List<String> stepDeliveredWhen, List<String> stepBody, List<String> stepTemplate, List<String> stepVariables) {

    /** Steps a cascade may have, shown as slots. */
    static final int SLOTS = 4;

    static final String SMS_ONLY = "SMS";

    static final String CASCADE = "CASCADE";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {
    };

    /**
     * The rows of a cascade; without one, a WhatsApp-first start (the first other sender,
     * then the campaign's sender) ready for when the author switches to a cascade.
     */
    static CascadeRows of(CampaignDraft.Cascade cascade, String smsSender, String otherSender) {
        CascadeRows rows = new CascadeRows((cascade != null) ? CASCADE : SMS_ONLY,
                (cascade != null) ? cascade.order().name() : CampaignDraft.CascadeOrder.MANUAL.name(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        List<CampaignDraft.CascadeStep> steps = (cascade != null) ? cascade.steps()
                : List.of(new CampaignDraft.CascadeStep(otherSender, 60, null, null, null),
                        new CampaignDraft.CascadeStep(smsSender, 60, null, null, null));
        for (CampaignDraft.CascadeStep step : steps) {
            rows.stepSender.add((step.sender() != null) ? step.sender() : "");
            rows.stepTimeout.add(step.timeoutMinutes());
            rows.stepDeliveredWhen.add(step.deliveredWhen().name());
            rows.stepBody.add((step.body() != null) ? step.body() : "");
            rows.stepTemplate.add((step.template() != null) ? step.template().sid() : "");
            rows.stepVariables
                .add((step.template() != null) ? JSON.writeValueAsString(step.template().variables()) : "{}");
        }
        while (rows.stepSender.size() < SLOTS) {
            rows.stepSender.add("");
            rows.stepTimeout.add(60);
            rows.stepDeliveredWhen.add(DeliveredWhen.DELIVERED.name());
            rows.stepBody.add("");
            rows.stepTemplate.add("");
            rows.stepVariables.add("{}");
        }
        return rows;
    }

    /**
     * The same rows with every list at least {@link #SLOTS} long (older pages post none).
     */
    CascadeRows padded() {
        return new CascadeRows((this.channels != null) ? this.channels : SMS_ONLY,
                (this.cascadeOrder != null) ? this.cascadeOrder : CampaignDraft.CascadeOrder.MANUAL.name(),
                pad(this.stepSender, ""), pad(this.stepTimeout, 60), pad(this.stepDeliveredWhen, "DELIVERED"),
                pad(this.stepBody, ""), pad(this.stepTemplate, ""), pad(this.stepVariables, "{}"));
    }

    private static <T> List<T> pad(List<T> values, T blank) {
        List<T> padded = new ArrayList<>((values != null) ? values : List.of());
        padded.replaceAll((value) -> (value != null) ? value : blank);
        while (padded.size() < SLOTS) {
            padded.add(blank);
        }
        return padded;
    }

    /** The cascade the form describes, or null for SMS only. */
    CampaignDraft.Cascade cascade() {
        if (!CASCADE.equals(this.channels)) {
            return null;
        }
        List<CampaignDraft.CascadeStep> steps = new ArrayList<>();
        int slots = (this.stepSender != null) ? this.stepSender.size() : 0;
        for (int i = 0; i < slots; i++) {
            String sender = this.stepSender.get(i);
            if (sender == null || sender.isBlank()) {
                continue;
            }
            String sid = at(this.stepTemplate, i);
            CampaignDraft.StepTemplate template = (sid != null && !sid.isBlank())
                    ? new CampaignDraft.StepTemplate(sid.strip(), variables(at(this.stepVariables, i))) : null;
            Integer timeout = (this.stepTimeout != null && i < this.stepTimeout.size()) ? this.stepTimeout.get(i)
                    : null;
            String when = at(this.stepDeliveredWhen, i);
            steps.add(new CampaignDraft.CascadeStep(sender.strip(), (timeout != null) ? timeout : 0,
                    (when != null && !when.isBlank()) ? DeliveredWhen.valueOf(when) : null, at(this.stepBody, i),
                    template));
        }
        String order = this.cascadeOrder;
        return new CampaignDraft.Cascade((order != null && !order.isBlank()) ? CampaignDraft.CascadeOrder.valueOf(order)
                : CampaignDraft.CascadeOrder.MANUAL, steps);
    }

    private static String at(List<String> values, int index) {
        return (values != null && index < values.size()) ? values.get(index) : null;
    }

    private static Map<String, String> variables(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> values = JSON.readValue(json, VARIABLES);
            values.values().removeIf((value) -> value == null || value.isBlank());
            return values;
        }
        catch (RuntimeException ex) {
            return Map.of(); // a hand-edited value: the template's variables are then
                             // missing
        }
    }

}
