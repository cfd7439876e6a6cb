package org.smscampaign.link;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.LinkTrackingIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away during redirects: cached links keep redirecting, the buffer
 * holds what it can and counts what it drops, and once the database is back every held
 * hit is written.
 */
@LinkTrackingIT
@TestPropertySource(properties = { "sms.link.buffer.capacity=64", "sms.link.buffer.batch-size=16" })
@Import(SwitchableDataSource.InFrontOfThePool.class)
class DatabaseOutageIT {

    @LocalServerPort
    int port;

    @Autowired
    SwitchableDataSource database;

    @Autowired
    ShortLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void databaseBack() {
        this.database.up();
    }

    private long hits(long linkId) {
        return this.jdbc.sql("select count(*) from link_click where link_id = :id")
            .param("id", linkId)
            .query(Long.class)
            .single();
    }

    @Test
    void redirectsContinueFromCacheDropsAreCountedAndHeldHitsAreWrittenAfterwards() throws InterruptedException {
        ShortLinkView link = this.links
            .create(new PlainLinkRequest("https://shop.example/outage", null, null, null, null, null), "test");
        RawHttp.fromClient("192.0.2.50");
        assertThat(RawHttp.get(this.port, "/r/" + link.code(), "Mozilla/5.0 (iPhone)").status()).isEqualTo(302);
        awaitHits(link.id(), 1);
        double droppedBefore = dropped();

        this.database.down();
        int redirected = 0;
        for (int i = 0; i < 300; i++) {
            RawHttp.fromClient("192.0.2." + (60 + i % 100));
            redirected += (RawHttp.get(this.port, "/r/" + link.code(), "Mozilla/5.0 (iPhone)").status() == 302) ? 1 : 0;
        }
        RawHttp.Response unknown = RawHttp.get(this.port, "/r/NotCach3d", "Mozilla/5.0 (iPhone)");
        double droppedDuringOutage = dropped() - droppedBefore;

        assertThat(redirected).as("every redirect of a cached link is answered").isEqualTo(300);
        assertThat(unknown.status()).as("an unknown code cannot be checked").isEqualTo(503);
        assertThat(droppedDuringOutage).as("the full buffer drops and counts").isGreaterThan(0);

        this.database.up();
        long expected = 1 + 300 - (long) droppedDuringOutage;
        awaitHits(link.id(), expected);
        Thread.sleep(300);
        assertThat(hits(link.id())).isEqualTo(expected);
    }

    private double dropped() {
        return this.meters.get("sms.link.clicks.dropped").counter().count();
    }

    private void awaitHits(long linkId, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (hits(linkId) < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(hits(linkId)).isEqualTo(expected);
    }

}
