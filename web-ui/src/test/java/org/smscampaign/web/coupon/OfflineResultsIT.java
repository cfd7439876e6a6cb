package org.smscampaign.web.coupon;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.PlatformIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline results: a marketer uploads conversions by phone number (as people write it),
 * e-mail (any case) or an order reported before; each row is attributed to the contact's
 * latest campaign message, bad rows are reported by line, uploading again counts nothing
 * twice, and the dashboard marks the imported conversions and revenue.
 */
@PlatformIT
class OfflineResultsIT extends CouponFixture {

    @BeforeEach
    void signedIn() {
        this.http.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD);
    }

    @Test
    void resultsByPhoneEmailOrOrderIdCountForTheLatestCampaignAndShowAsImported() {
        Audience audience = audience(3);
        long campaign = campaign(audience.list(), "Sale today at the shop", "null");
        launchAndWait(campaign);
        // A sale counts for a message sent before it: the texts go out first.
        waitUntil(() -> this.jdbc
            .sql("select count(*) from outbound_message where campaign_id = :c and sent_at is not null")
            .param("c", campaign)
            .query(Long.class)
            .single() == 3, "the texts to be sent");
        List<Map.Entry<String, Long>> people = List.copyOf(audience.byPhone().entrySet());
        String written = written(people.get(0).getKey());
        String email = this.jdbc.sql("select email from contact where id = :id")
            .param("id", people.get(1).getValue())
            .query(String.class)
            .single();
        String order = unique("web-");
        // The shop's site reported the lead with the contact; the sale came by phone.
        HttpResponse<String> lead = this.http.postJson("/api/v1/conversions", """
                {"event":"lead","orderId":"%s","contactId":%d}""".formatted(order, people.get(2).getValue()),
                "X-API-Key", this.key);
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        String csv = "phone;email;order_id;event;value;currency\n" + written + ";;;sale;40;EUR\n;" + email.toUpperCase()
                + ";;sale;15.5;EUR\n;;" + order + ";sale;30;EUR\n+4917600000001;;;sale;5;EUR\n";

        JsonNode report = JSON.readTree(postText("/api/v1/conversion-imports", csv).body());
        assertThat(report.get("accepted").asLong()).as(report.toString()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(report.get("problems").get(0).get("reason").asString())
            .isEqualTo("no contact has the number +4917600000001");
        List<Long> attributed = this.jdbc.sql("""
                select contact_id from conversion where import_id = :id and campaign_id = :campaign and attributed
                and source = 'IMPORT' order by contact_id""")
            .param("id", report.get("id").asLong())
            .param("campaign", campaign)
            .query(Long.class)
            .list();
        assertThat(attributed).containsExactlyInAnyOrder(people.get(0).getValue(), people.get(1).getValue(),
                people.get(2).getValue());

        JsonNode again = JSON.readTree(postText("/api/v1/conversion-imports", csv).body());
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(3);

        String dashboard = this.http.get("/dashboards/campaigns/" + campaign).body();
        assertThat(dashboard).contains("of which 3 imported").contains("of which 85.50 EUR imported");
    }

    @Test
    void theUploadPageShowsEveryRowNotTaken() {
        Audience audience = audience(1);
        long campaign = campaign(audience.list(), "Sale", "null");
        HttpResponse<String> page = this.http.get("/results?campaign=" + campaign);
        assertThat(page.statusCode()).isEqualTo(200);
        String phone = audience.byPhone().keySet().iterator().next();
        HttpResponse<String> uploaded = this.http.upload("/results?_csrf=" + this.http.csrfToken("/results"),
                "in-store.csv", ("phone,value,currency\n" + phone + ",10,EUR\nnot a number,5,EUR\n").getBytes(), null);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String report = this.http.get(uploaded.headers().firstValue("Location").orElseThrow()).body();
        assertThat(report).contains("in-store.csv").contains("data-line=\"3\"").contains("the phone number");
    }

}
