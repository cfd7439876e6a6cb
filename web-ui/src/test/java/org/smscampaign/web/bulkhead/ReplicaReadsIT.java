package org.smscampaign.web.bulkhead;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignView;
import org.smscampaign.testsupport.TestDatabase;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole platform with a real streaming replica (scripts/ensure-replica): dashboards,
 * reports, summaries, segment counts and exports answer from the replica, and none of
 * them writes (a write there would fail and answer 500); pages that change something stay
 * on the primary.
 */
@PlatformIT
class ReplicaReadsIT {

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        TestDatabase.get().replica().ifPresent((c) -> registry.add("sms.platform.replica.url", c::url));
    }

    @BeforeAll
    static void aReplicaStreams() {
        assumeTrue(TestDatabase.get().replica().isPresent(), TestDatabase.NO_REPLICA_MESSAGE);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    MeterRegistry meters;

    HttpFixture manager;

    HttpFixture api;

    String key;

    @BeforeEach
    void clients() {
        this.manager = new HttpFixture(this.port);
        assertThat(this.manager.signIn("demo-manager", PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        this.api = new HttpFixture(this.port);
        this.key = this.apiKeys.create("replica-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    double readsOn(String where) {
        Counter counter = this.meters.find("sms.platform.replica.reads").tag("on", where).counter();
        return (counter != null) ? counter.count() : 0;
    }

    @Test
    void readOnlyPagesAndApiAnswerFromTheReplica() {
        long campaign = this.campaigns.list(null, 1000)
            .stream()
            .filter((c) -> c.launch() != null)
            .map(CampaignView::id)
            .findFirst()
            .orElseThrow();
        awaitReplicaInUse();

        for (String page : List.of("/dashboards", "/dashboards/campaigns/" + campaign, "/dashboards/campaigns.csv",
                "/reports", "/reports/weekly", "/segments")) {
            double before = readsOn("replica");
            HttpResponse<String> answer = this.manager.get(page);
            assertThat(answer.statusCode()).as(page + ": " + answer.body()).isEqualTo(200);
            assertThat(readsOn("replica")).as(page + " read on the replica").isGreaterThan(before);
        }
        HttpFixture marketer = new HttpFixture(this.port);
        assertThat(marketer.signIn("demo-marketer", PlatformIT.DEMO_PASSWORD).statusCode()).isEqualTo(302);
        double beforeExport = readsOn("replica");
        HttpResponse<String> export = marketer.get("/contacts/export.csv");
        assertThat(export.statusCode()).as("a streamed export in a session").isEqualTo(200);
        assertThat(export.body()).startsWith("phone,first_name");
        assertThat(readsOn("replica")).isGreaterThan(beforeExport);

        for (String call : List.of("/api/v1/reports/campaigns", "/api/v1/reports/campaigns/" + campaign,
                "/api/v1/reports/summaries/daily", "/api/v1/contacts/export")) {
            double before = readsOn("replica");
            HttpResponse<String> answer = this.api.get(call, "X-API-Key", this.key);
            assertThat(answer.statusCode()).as(call + ": " + answer.body()).isEqualTo(200);
            assertThat(readsOn("replica")).as(call + " read on the replica").isGreaterThan(before);
        }
    }

    @Test
    void workThatWritesStaysOnThePrimary() {
        awaitReplicaInUse();
        double before = readsOn("replica");
        HttpResponse<String> created = this.api.postJson(
                "/api/v1/contacts", "{\"phone\":\"+4917612" + (System.nanoTime() % 100000 + 100000)
                        + "\",\"consent\":\"SUBSCRIBED\"," + "\"consentProof\":\"replica test\"}",
                "X-API-Key", this.key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(readsOn("replica")).isEqualTo(before);
    }

    /** The replica is measured each second from start; it keeps up on an idle machine. */
    private void awaitReplicaInUse() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (this.meters.get("sms.platform.replica.usable").gauge().value() != 1) {
            assertThat(System.nanoTime()).as("the replica in use").isLessThan(deadline);
            LockSupport.parkNanos(50_000_000L);
        }
    }

}
