package org.smscampaign.web.goal;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.GoalJudgements;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.link.Brands;
import org.smscampaign.money.ExchangeRates;
import org.smscampaign.notice.PlatformEvent;
import org.smscampaign.report.CampaignReport;
import org.smscampaign.report.CampaignReports;
import org.smscampaign.report.GoalVerdict;
import org.smscampaign.report.judgement.GoalJudge;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.report.MixedOutcomeCampaign;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goals freeze when their evaluation window ends: the verdict, the figure and the time
 * are stored once; clicks that arrive later show beside the verdict as "after judgement"
 * and never flip it; a judged goal's target is read-only (422 goal-judged), and target
 * changes before that are logged with the original kept.
 */
@PlatformIT
@RecordApplicationEvents
class GoalJudgementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Brands brands;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    CampaignReports reports;

    @Autowired
    ExchangeRates rates;

    @Autowired
    GoalJudge judge;

    @Autowired
    GoalJudgements judgements;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ApplicationEvents events;

    HttpFixture http;

    String key;

    MixedOutcomeCampaign mixed;

    long campaign;

    @BeforeEach
    void campaignWhoseWindowHasEnded() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("goals-" + System.nanoTime(), Role.ADMIN, "test").token();
        // Launched days ago, judged one day after launch; 5 delivered, 3 human clickers
        // (60 % human CTR), 3 sales, cost 19.02.
        this.mixed = new MixedOutcomeCampaign(this.jdbc, this.brands, this.campaigns, this.rates);
        this.campaign = this.mixed.campaign();
        this.jdbc.sql("delete from campaign_goal where campaign_id = :id").param("id", this.campaign).update();
        this.jdbc.sql("""
                insert into campaign_goal (campaign_id, metric, event, target) values
                    (:id, 'HUMAN_CTR', '', 70), (:id, 'CONVERSIONS', 'sale', 2), (:id, 'CONVERSIONS', 'lead', 1),
                    (:id, 'COST_PER_CLICK', '', 10)""").param("id", this.campaign).update();
    }

    @Test
    void lateClicksAfterJudgementShowBesideAFailedVerdictAndNeverFlipIt() {
        assertThat(this.judgements.awaitingJudgement()).contains(this.campaign);

        this.judge.judgeDue();

        assertThat(this.judgements.awaitingJudgement()).doesNotContain(this.campaign);
        CampaignReport judged = this.reports.refreshedReport(this.campaign);
        CampaignReport.GoalResult ctr = goal(judged, GoalMetric.HUMAN_CTR, "");
        assertThat(ctr.verdict()).isEqualTo(GoalVerdict.FAILED);
        assertThat(ctr.actual()).isEqualByComparingTo("60");
        assertThat(ctr.judgedAt()).isNotNull();
        assertThat(goal(judged, GoalMetric.CONVERSIONS, "sale").verdict()).isEqualTo(GoalVerdict.PASSED);
        assertThat(goal(judged, GoalMetric.CONVERSIONS, "sale").actual()).isEqualByComparingTo("3");
        assertThat(goal(judged, GoalMetric.CONVERSIONS, "lead").verdict()).isEqualTo(GoalVerdict.FAILED);
        // 19.02 over 3 people who clicked: 6.34 per click, at most 10
        assertThat(goal(judged, GoalMetric.COST_PER_CLICK, "").verdict()).isEqualTo(GoalVerdict.PASSED);
        assertThat(this.events.stream(PlatformEvent.class)
            .filter((e) -> e.type().equals(PlatformEvent.GOAL_JUDGED) && this.campaign == e.campaignId()))
            .hasSize(4)
            .anySatisfy((e) -> assertThat(e.data()).containsEntry("metric", "HUMAN_CTR")
                .containsEntry("event", "")
                .containsEntry("direction", "AT_LEAST")
                .containsEntry("verdict", "FAILED")
                .containsKeys("target", "figure"));

        this.mixed.lateHumanClick(); // 4 of 5: 80 %, above the target of 70 now
        this.judge.judgeDue(); // judging again changes nothing

        CampaignReport later = this.reports.refreshedReport(this.campaign);
        CampaignReport.GoalResult after = goal(later, GoalMetric.HUMAN_CTR, "");
        assertThat(after.verdict()).isEqualTo(GoalVerdict.FAILED);
        assertThat(after.actual()).isEqualByComparingTo("60");
        assertThat(after.afterJudgement()).isEqualByComparingTo("80");
        assertThat(after.judgedAt()).isEqualTo(ctr.judgedAt());
        assertThat(this.events.stream(PlatformEvent.class)
            .filter((e) -> e.type().equals(PlatformEvent.GOAL_JUDGED) && this.campaign == e.campaignId())).hasSize(4);

        JsonNode api = JSON
            .readTree(this.http.get("/api/v1/reports/campaigns/" + this.campaign, "X-API-Key", this.key).body());
        JsonNode apiCtr = api.get("goals").get(indexOf(later, GoalMetric.HUMAN_CTR, ""));
        assertThat(apiCtr.get("verdict").asString()).isEqualTo("FAILED");
        assertThat(apiCtr.get("direction").asString()).isEqualTo("AT_LEAST");
        assertThat(apiCtr.get("afterJudgement").asDouble()).isEqualTo(80.0);
        assertThat(apiCtr.get("judgedAt").asString()).isNotBlank();

        assertThat(this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        Element card = Jsoup.parse(this.http.get("/dashboards/campaigns/" + this.campaign).body())
            .selectFirst("#goals [data-goal=HUMAN_CTR]");
        assertThat(card.selectFirst("[data-verdict]").attr("data-verdict")).isEqualTo("FAILED");
        assertThat(card.selectFirst(".goal-figure").text()).isEqualTo("60.0 %");
        assertThat(card.selectFirst(".goal-after").text()).isEqualTo("after judgement: 80.0 %");
        assertThat(card.text()).contains("at least 70.0 %").contains("Judged ");
    }

    @Test
    void aJudgedTargetIsReadOnly() {
        this.judge.judgeDue();
        HttpResponse<String> refused = this.http.putJson("/api/v1/campaigns/" + this.campaign + "/goals",
                "[{\"metric\":\"HUMAN_CTR\",\"target\":50}]", "X-API-Key", this.key);
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/goal-judged");
        assertThat(problem.get("detail").asString()).contains("judged");
        assertThat(this.campaigns.get(this.campaign).draft().goals()).hasSize(4);

        assertThat(this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        org.jsoup.nodes.Document page = Jsoup.parse(this.http.get("/campaigns/" + this.campaign).body());
        assertThat(page.selectFirst("#goals-form fieldset").hasAttr("disabled")).isTrue();
        assertThat(page.selectFirst("#goals-read-only")).isNotNull();
    }

    @Test
    void targetChangesAfterLaunchAreLoggedAndTheOriginalStaysVisible() {
        // Launched just now: the window is still open for a day.
        this.jdbc.sql("update campaign set launched_at = now() where id = :id").param("id", this.campaign).update();
        HttpResponse<String> changed = this.http.putJson("/api/v1/campaigns/" + this.campaign + "/goals", """
                [{"metric":"HUMAN_CTR","target":55},{"metric":"CONVERSIONS","event":"sale","target":2},
                 {"metric":"COST_PER_CLICK","target":10},{"metric":"OPT_OUT_RATE","target":2}]""", "X-API-Key",
                this.key);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(changed.body());
        JsonNode optOut = view.get("draft")
            .get("goals")
            .findParents("metric")
            .stream()
            .filter((g) -> g.get("metric").asString().equals("OPT_OUT_RATE"))
            .findFirst()
            .orElseThrow();
        assertThat(optOut.get("direction").asString()).isEqualTo("AT_MOST");

        CampaignReport report = this.reports.report(this.campaign);
        CampaignReport.GoalResult ctr = goal(report, GoalMetric.HUMAN_CTR, "");
        assertThat(ctr.target()).isEqualByComparingTo("55");
        assertThat(ctr.originalTarget()).isEqualByComparingTo("70");
        assertThat(ctr.changes()).singleElement().satisfies((c) -> {
            assertThat(c.by()).isNotBlank();
            assertThat(c.from()).isEqualByComparingTo("70");
            assertThat(c.to()).isEqualByComparingTo("55");
            assertThat(c.at()).isNotNull();
        });
        assertThat(goal(report, GoalMetric.OPT_OUT_RATE, "").originalTarget()).isNull(); // added
                                                                                         // after
                                                                                         // launch
        assertThat(this.campaigns.get(this.campaign).goalStates())
            .noneMatch((s) -> s.metric() == GoalMetric.CONVERSIONS && s.event().equals("lead"));

        assertThat(this.http.signIn(PlatformIT.ADMIN, PlatformIT.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        Element card = Jsoup.parse(this.http.get("/dashboards/campaigns/" + this.campaign).body())
            .selectFirst("#goals [data-goal=HUMAN_CTR]");
        assertThat(card.text()).contains("Original target: 70").contains("70 → 55");
        String page = Jsoup.parse(this.http.get("/campaigns/" + this.campaign).body()).select("#goals").text();
        assertThat(page).contains("Human click-through rate (%) ≥ 55").contains("70 → 55");
    }

    private static CampaignReport.GoalResult goal(CampaignReport report, GoalMetric metric, String event) {
        return report.goals().get(indexOf(report, metric, event));
    }

    private static int indexOf(CampaignReport report, GoalMetric metric, String event) {
        List<CampaignReport.GoalResult> goals = report.goals();
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).metric() == metric && goals.get(i).event().equals(event)) {
                return i;
            }
        }
        throw new AssertionError("no goal " + metric + " " + event);
    }

}
