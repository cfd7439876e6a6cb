package org.smscampaign.campaign.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.messaging.DeliveredWhen;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The steps of campaigns' cascades ({@code campaign_cascade_step}), in their order. */
@Component
class CascadeStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    CascadeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces a campaign's steps (null or no cascade: none). */
    void write(long id, CampaignDraft.Cascade cascade) {
        this.jdbc.sql("delete from campaign_cascade_step where campaign_id = :id").param("id", id).update();
        if (cascade == null) {
            return;
        }
        for (int i = 0; i < cascade.steps().size(); i++) {
            CampaignDraft.CascadeStep step = cascade.steps().get(i);
            CampaignDraft.StepTemplate template = step.template();
            this.jdbc.sql("""
                    insert into campaign_cascade_step (campaign_id, position, sender, timeout_minutes, delivered_when,
                        body, template_sid, template_variables)
                    values (:id, :position, :sender, :timeout, :when, :body, :sid, cast(:variables as jsonb))""")
                .param("id", id)
                .param("position", i)
                .param("sender", step.sender())
                .param("timeout", step.timeoutMinutes())
                .param("when", step.deliveredWhen().name())
                .param("body", step.body())
                .param("sid", (template != null) ? template.sid() : null)
                .param("variables", (template != null) ? JSON.writeValueAsString(template.variables()) : null)
                .update();
        }
    }

    /** The steps of some campaigns, by campaign, in one query. */
    Map<Long, List<CampaignDraft.CascadeStep>> steps(Long[] ids) {
        Map<Long, List<CampaignDraft.CascadeStep>> steps = new HashMap<>();
        this.jdbc
            .sql("select * from campaign_cascade_step where campaign_id = any(:ids) order by campaign_id, position")
            .param("ids", ids)
            .query((row, n) -> {
                String sid = row.getString("template_sid");
                String variables = row.getString("template_variables");
                CampaignDraft.StepTemplate template = (sid != null) ? new CampaignDraft.StepTemplate(sid,
                        (variables != null) ? JSON.readValue(variables, VARIABLES) : Map.of()) : null;
                return steps.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                    .add(new CampaignDraft.CascadeStep(row.getString("sender"), row.getInt("timeout_minutes"),
                            DeliveredWhen.valueOf(row.getString("delivered_when")), row.getString("body"), template));
            })
            .list();
        return steps;
    }

}
