package org.smscampaign.web.bulkhead;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.github.resilience4j.bulkhead.Bulkhead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy reads over real HTTP while every turn of the bulkhead is taken: the API answers
 * 429 busy with Retry-After after waiting its moment, pages show the busy page, light
 * reads are served meanwhile, a turn given back serves the next one, and a streamed
 * export gives its turn back when it ends.
 */
@PlatformIT
class ExpensiveReadsIT {

    private static final String RULE = """
            {"type":"group","combinator":"ALL","criteria":[{"type":"condition","field":"COUNTRY","operator":"EQUALS","values":["DE"]}]}""";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Bulkhead bulkhead;

    @Autowired
    ExpensiveReadsProperties properties;

    HttpFixture http;

    String key;

    int taken;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
        this.key = this.apiKeys.create("bulkhead-" + System.nanoTime(), Role.MARKETER, "test").token();
    }

    @AfterEach
    void giveBackTurns() {
        for (; this.taken > 0; this.taken--) {
            this.bulkhead.onComplete();
        }
    }

    private void takeEveryTurn() {
        while (this.bulkhead.tryAcquirePermission()) {
            this.taken++;
        }
        assertThat(this.taken).isEqualTo(this.properties.maxConcurrent());
    }

    @Test
    void heavyReadsOverTheBoundWaitTheirMomentThenAreToldWhenToComeBack() {
        takeEveryTurn();

        long started = System.nanoTime();
        HttpResponse<String> refused = this.http.postJson("/api/v1/segments/preview", RULE, "X-API-Key", this.key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for a turn first")
            .isGreaterThanOrEqualTo(this.properties.maxWait());
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("\"type\":\"/problems/busy\"", "heavy reads");
        assertThat(this.http.get("/api/v1/reports/campaigns", "X-API-Key", this.key).statusCode()).isEqualTo(429);

        assertThat(this.http.get("/api/v1/segments", "X-API-Key", this.key).statusCode()).as("light reads go on")
            .isEqualTo(200);

        this.bulkhead.onComplete();
        this.taken--;
        HttpResponse<String> served = this.http.postJson("/api/v1/segments/preview", RULE, "X-API-Key", this.key);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("\"reachable\"");
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).as("its turn given back").isEqualTo(1);
    }

    @Test
    void pagesShowTheBusyPageWithAWayToTryAgain() {
        HttpFixture browser = new HttpFixture(this.port);
        browser.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        takeEveryTurn();

        HttpResponse<String> busy = browser.get("/dashboards");
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(busy.body()).contains("Busy with other reports", "href=\"/dashboards\"");
        assertThat(browser.get("/campaigns").statusCode()).isEqualTo(200);

        giveBackTurns();
        assertThat(browser.get("/dashboards").statusCode()).isEqualTo(200);
    }

    @Test
    void aStreamedExportHoldsItsTurnUntilItEnds() {
        HttpResponse<String> export = this.http.get("/api/v1/contacts/export", "X-API-Key", this.key);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("phone");
        // The turn comes back when the stream's async cycle completes, just after the
        // last byte.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (this.bulkhead.getMetrics().getAvailableConcurrentCalls() < this.properties.maxConcurrent()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
        }
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(this.properties.maxConcurrent());
    }

}
