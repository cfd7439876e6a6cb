package org.smscampaign.web.goal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignStatus;
import org.smscampaign.contact.ConsentSource;
import org.smscampaign.contact.ConsentStatus;
import org.smscampaign.contact.ContactInput;
import org.smscampaign.contact.ContactLists;
import org.smscampaign.contact.ContactManagement;
import org.smscampaign.link.BrandView;
import org.smscampaign.link.Brands;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preflight tells before launch whether the goals can be measured: a click goal on
 * texts without a tracked link and a goal met by definition are errors that stop the
 * launch; a conversion goal for a brand that never received a conversion and an
 * evaluation window shorter than the sending are warnings.
 */
@PlatformIT
class GoalPreflightIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Brands brands;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ContactLists lists;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    JdbcClient jdbc;

    HttpFixture http;

    String key;

    long list;

    BrandView brand;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("goal-preflight-" + System.nanoTime(), Role.ADMIN, "test").token();
        // a public address literal: nothing to resolve, no link-address error
        this.brand = this.brands.create("Goals " + System.nanoTime(), "https://93.184.215.14/", null, List.of(),
                List.of(), false);
        this.list = this.lists.create("Goal test " + System.nanoTime(), null).id();
        // one recipient far east (UTC+14), one far west (UTC-11): a local-time send spans
        // 25 hours
        List<Long> ids = List.of(contact("Pacific/Kiritimati"), contact("Pacific/Pago_Pago"));
        this.lists.add(this.list, ids);
    }

    private long contact(String zone) {
        String number = "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return this.contacts
            .create(new ContactInput(number, "Goal", "Tester", null, null, null, "DE", null, null, "de", zone, null,
                    null), ConsentStatus.SUBSCRIBED, ConsentSource.ADMIN, "test fixture", "test")
            .id();
    }

    private long campaign(String body, String goals, String schedule, int evaluationDays) {
        String draft = """
                {"name":"Goals %d","sender":"default","brandId":%d,"audience":{"lists":[%d]},
                 "variants":[{"label":"A","body":"%s","split":100}],"schedule":%s,
                 "optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":%d,"goals":%s}"""
            .formatted(System.nanoTime(), this.brand.id(), this.list, body, schedule, evaluationDays, goals);
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", draft, "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private JsonNode warning(long campaign, String code) {
        JsonNode warnings = JSON
            .readTree(this.http.get("/api/v1/campaigns/" + campaign + "/preflight", "X-API-Key", this.key).body())
            .get("warnings");
        for (JsonNode warning : warnings) {
            if (warning.get("code").asString().equals(code)) {
                return warning;
            }
        }
        return null;
    }

    private int launch(long campaign) {
        return this.http.postJson("/api/v1/campaigns/" + campaign + "/launch", "{}", "X-API-Key", this.key)
            .statusCode();
    }

    @Test
    void aClickGoalOnTextsWithoutATrackedLinkIsAnErrorThatStopsTheLaunch() {
        long campaign = campaign("Winter sale in our shops today", "[{\"metric\":\"HUMAN_CTR\",\"target\":5}]",
                "{\"type\":\"NOW\"}", 7);
        JsonNode error = warning(campaign, "GOAL_NOT_MEASURABLE");
        assertThat(error).isNotNull();
        assertThat(error.get("blocking").asBoolean()).isTrue();
        assertThat(error.get("message").asString()).contains("no text carries a tracked link");
        assertThat(launch(campaign)).isEqualTo(400);
        assertThat(this.campaigns.get(campaign).status()).isEqualTo(CampaignStatus.DRAFT);

        long linked = campaign("Winter sale: {{link:https://shop.example/sale}}",
                "[{\"metric\":\"HUMAN_CTR\",\"target\":5}]", "{\"type\":\"NOW\"}", 7);
        assertThat(warning(linked, "GOAL_NOT_MEASURABLE")).isNull();
    }

    @Test
    void aGoalMetByDefinitionIsAnErrorThatStopsTheLaunch() {
        long campaign = campaign("Winter sale: {{link:https://shop.example/sale}}",
                "[{\"metric\":\"OPT_OUT_RATE\",\"target\":100}]", "{\"type\":\"NOW\"}", 7);
        JsonNode error = warning(campaign, "GOAL_MET_BY_DEFINITION");
        assertThat(error.get("blocking").asBoolean()).isTrue();
        assertThat(error.get("message").asString()).contains("met by definition");
        assertThat(launch(campaign)).isEqualTo(400);
        assertThat(this.campaigns.get(campaign).status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void aConversionGoalWithoutAnyConversionForTheBrandIsAWarningWithTheSetupSteps() {
        long campaign = campaign("Winter sale: {{link:https://shop.example/sale}}",
                "[{\"metric\":\"CONVERSIONS\",\"event\":\"lead\",\"target\":5},{\"metric\":\"ROI\",\"target\":50}]",
                "{\"type\":\"NOW\"}", 7);
        JsonNode warning = warning(campaign, "GOAL_NO_CONVERSIONS");
        assertThat(warning.get("blocking").asBoolean()).isFalse();
        assertThat(warning.get("message").asString()).contains("Conversions (lead)")
            .contains("POST /api/v1/conversions")
            .contains("/t/sms.js")
            .contains("README.md#goals-that-decide");

        long link = this.jdbc.sql("""
                insert into short_link (code, brand_id, target_url) values (:code, :brand, 'https://shop.example/')
                returning id""")
            .param("code", "g" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36))
            .param("brand", this.brand.id())
            .query(Long.class)
            .single();
        this.jdbc.sql("""
                insert into conversion (event, occurred_at, source, link_id, attributed)
                values ('lead', :at, 'SERVER', :link, false)""")
            .param("at", Timestamp.from(Instant.now()))
            .param("link", link)
            .update();
        assertThat(warning(campaign, "GOAL_NO_CONVERSIONS")).isNull();
    }

    @Test
    void anEvaluationWindowShorterThanTheSendingIsAWarning() {
        String atTen = "{\"type\":\"LOCAL_TIME\",\"localDate\":\"" + LocalDate.now().plusDays(7)
                + "\",\"localTime\":\"10:00\"}";
        long campaign = campaign("Winter sale: {{link:https://shop.example/sale}}",
                "[{\"metric\":\"HUMAN_CTR\",\"target\":5}]", atTen, 1);
        JsonNode warning = warning(campaign, "GOAL_WINDOW_SHORT");
        assertThat(warning).isNotNull();
        assertThat(warning.get("blocking").asBoolean()).isFalse();
        assertThat(warning.get("message").asString()).contains("1 day(s)").contains("25 hours");

        long longer = campaign("Winter sale: {{link:https://shop.example/sale}}",
                "[{\"metric\":\"HUMAN_CTR\",\"target\":5}]", atTen, 2);
        assertThat(warning(longer, "GOAL_WINDOW_SHORT")).isNull();
    }

}
