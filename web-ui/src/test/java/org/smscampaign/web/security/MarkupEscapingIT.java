package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup that people or recipients type (contact names and cities, message texts,
 * replies, campaign names) is shown as text on every page that shows it, and a cell that
 * a spreadsheet would run as a formula is neutralised in CSV exports.
 */
@PlatformIT
class MarkupEscapingIT {

    static final String NAME = "<img src=x onerror=alert(1)>";

    static final String CITY = "<script>alert('city')</script>";

    static final String BODY = "Hi <script>alert('body')</script> there";

    static final String REPLY = "<iframe src=//evil.example></iframe> STOP? no";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void markupIsShownAsTextEverywhereAndFormulasAreNeutralisedInExports() {
        String key = this.apiKeys.create("escaping", Role.MARKETER, "test").token();
        HttpFixture api = new HttpFixture(this.port);
        String phone = "+49151" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        HttpResponse<String> created = api.postJson("/api/v1/contacts", """
                {"phone": "%s", "firstName": "%s", "lastName": "=cmd|' /C calc'!A0", "city": "%s", "country": "DE",
                 "consent": "SUBSCRIBED"}""".formatted(phone, NAME, CITY.replace("'", "\\u0027")), "X-API-Key", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String contact = created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
        HttpResponse<String> sent = api.postJson("/api/v1/messages",
                "{\"to\": \"%s\", \"body\": \"%s\"}".formatted(phone, BODY.replace("'", "\\u0027")), "X-API-Key", key);
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 201);
        String message = sent.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
        this.jdbc.sql("insert into inbound_message (from_number, body, kind) values (:from, :body, 'QUERY')")
            .param("from", phone)
            .param("body", REPLY)
            .update();

        HttpFixture browser = new HttpFixture(this.port);
        assertThat(browser.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        assertShownAsText(browser.get("/contacts/" + contact).body(), NAME, CITY);
        assertShownAsText(browser.get("/contacts?q=" + phone.substring(1)).body(), NAME);
        assertShownAsText(browser.get("/messages/" + message).body(), BODY);
        assertShownAsText(browser.get("/messages/replies").body(), REPLY);

        String export = browser.get("/contacts/export.csv").body();
        assertThat(export).contains("'=cmd|' /C calc'!A0").doesNotContain(",=cmd");
    }

    private static void assertShownAsText(String html, String... texts) {
        for (String text : texts) {
            assertThat(html).as("the markup itself never reaches the page").doesNotContain(text);
            assertThat(html).as("it is shown as text").contains(escaped(text));
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

}
