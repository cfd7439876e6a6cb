package org.smscampaign.web.coupon;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.coupon.CouponStore;
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
 * What the coupon and results tests share: an API key, a brand, audiences of new
 * contacts, campaigns launched and waited for, pools, CSV uploads.
 */
abstract class CouponFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

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
    CouponStore couponStore;

    @Autowired
    JdbcClient jdbc;

    HttpFixture http;

    String key;

    BrandView brand;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("coupons-" + System.nanoTime(), Role.ADMIN, "test").token();
        this.brand = this.brands.create("Coupons " + System.nanoTime(), "https://93.184.215.14/", null, List.of(),
                List.of(), false);
    }

    /** A list of new subscribed contacts; their ids by phone number. */
    Audience audience(int size) {
        long list = this.lists.create("Coupons " + System.nanoTime(), null).id();
        Map<String, Long> byPhone = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String number = validNumber();
            long id = this.contacts
                .create(new ContactInput(number, "Coupon", "Tester", "c" + System.nanoTime() + "@Shop.example", null,
                        null, "DE", null, null, "de", "Europe/Berlin", null, null), ConsentStatus.SUBSCRIBED,
                        ConsentSource.ADMIN, "test fixture", "test")
                .id();
            byPhone.put(number, id);
        }
        this.lists.add(list, List.copyOf(byPhone.values()));
        return new Audience(list, byPhone);
    }

    /** A random German mobile number that libphonenumber finds valid. */
    static String validNumber() {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        while (true) {
            String number = "+49151" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            try {
                if (util.isValidNumber(util.parse(number, "DE"))) {
                    return number;
                }
            }
            catch (com.google.i18n.phonenumbers.NumberParseException ex) {
                // try another
            }
        }
    }

    /** A number as people write it: +49 1512 3456789. */
    static String written(String e164) {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, "DE"),
                    com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        }
        catch (com.google.i18n.phonenumbers.NumberParseException ex) {
            throw new AssertionError(ex);
        }
    }

    record Audience(long list, Map<String, Long> byPhone) {

    }

    long campaign(long list, String body, String coupons) {
        String draft = """
                {"name":"Coupons %d","sender":"default","brandId":%d,"audience":{"lists":[%d]},
                 "variants":[{"label":"A","body":"%s","split":100}],"schedule":{"type":"NOW"},
                 "optOutLine":true,"holdoutPercent":0,"attributionDays":7,"evaluationDays":7,"coupons":%s}"""
            .formatted(System.nanoTime(), this.brand.id(), list, body, coupons);
        HttpResponse<String> created = this.http.postJson("/api/v1/campaigns", draft, "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    HttpResponse<String> launch(long campaign) {
        return this.http.postJson("/api/v1/campaigns/" + campaign + "/launch", "{}", "X-API-Key", this.key);
    }

    /** Launches and waits until every message is written; the bodies by contact. */
    Map<Long, String> launchAndWait(long campaign) {
        HttpResponse<String> launched = launch(campaign);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
        waitUntil(() -> this.campaigns.get(campaign).launch().finished(), "the launch to be written");
        Map<Long, String> bodies = new HashMap<>();
        this.jdbc.sql("select contact_id, body from outbound_message where campaign_id = :id")
            .param("id", campaign)
            .query((row, n) -> bodies.put(row.getLong(1), row.getString(2)))
            .list();
        return bodies;
    }

    static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    long pool(String... codes) {
        HttpResponse<String> created = this.http.postJson("/api/v1/coupon-pools",
                "{\"name\":\"Pool " + System.nanoTime() + "\"}", "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        if (codes.length > 0) {
            HttpResponse<String> added = postText("/api/v1/coupon-pools/" + id + "/codes", String.join("\n", codes));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        }
        return id;
    }

    /** Uploads a file (what a shop's script sends), named shop.csv. */
    HttpResponse<String> postText(String path, String text) {
        return this.http.upload(path, "shop.csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                "X-API-Key", this.key);
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(1000);
    }

}
