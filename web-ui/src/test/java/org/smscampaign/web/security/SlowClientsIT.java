package org.smscampaign.web.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 1: clients that send their bodies a byte at a time (or never) against
 * the running application, over real sockets.
 */
@PlatformIT
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowClientsIT {

    private static final String[] SLOW_PATHS = { "/t/conversions", "/webhooks/twilio/inbound", "/login" };

    /** The body guard's deadline (10 s) plus one read's connection timeout. */
    private static final Duration CUT_WITHIN = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);

    ExecutorService readers = Executors.newCachedThreadPool();

    List<RawHttp> connections = new ArrayList<>();

    HttpFixture http;

    @BeforeEach
    void client() {
        this.http = new HttpFixture(this.port);
    }

    @AfterEach
    void closeAll() {
        this.trickle.shutdownNow();
        this.readers.shutdownNow();
        this.connections.forEach(RawHttp::close);
    }

    @Test
    void bodiesTrickledToThePublicEndpointsAndTheLoginStarveNothingAndAreCut() throws Exception {
        String key = this.apiKeys.create("slow-clients", Role.MARKETER, "test").token();
        List<Future<RawHttp.Answer>> slow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Each from its own address (behind the trusted proxy), so no per-address
            // bound applies.
            slow.add(trickleBody(SLOW_PATHS[i % SLOW_PATHS.length], "198.51.100." + (i + 1)));
        }

        long started = System.nanoTime();
        assertThat(this.http.get("/login").statusCode()).isEqualTo(200);
        assertThat(this.http.get("/api/v1/me", "X-API-Key", key).statusCode()).isEqualTo(200);
        assertThat(this.http.post("/webhooks/twilio/status/1", "MessageStatus=delivered").statusCode())
            .as("meets the signature check")
            .isEqualTo(403);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        for (Future<RawHttp.Answer> each : slow) {
            RawHttp.Answer answer = each.get(CUT_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.text()).isEqualTo(408);
            assertThat(answer.text()).contains("/problems/request-timeout");
            assertThat(answer.closed()).isTrue();
            assertThat(answer.after()).isLessThan(CUT_WITHIN);
        }
    }

    @Test
    void oneAddressSendsOnlyItsShareOfBodiesAtOnce() throws Exception {
        List<Future<RawHttp.Answer>> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slow.add(trickleBody("/t/conversions", "203.0.113.9"));
        }

        List<RawHttp.Answer> answers = new ArrayList<>();
        for (Future<RawHttp.Answer> each : slow) {
            answers.add(each.get(CUT_WITHIN.toSeconds() + 5, TimeUnit.SECONDS));
        }
        List<RawHttp.Answer> refused = answers.stream().filter((answer) -> answer.status() == 429).toList();
        assertThat(refused).hasSize(4).allSatisfy((answer) -> {
            assertThat(answer.header("Retry-After")).isNotNull();
            assertThat(answer.closed()).isTrue();
            assertThat(answer.after()).isLessThan(Duration.ofSeconds(2));
        });
        assertThat(answers).filteredOn((answer) -> answer.status() == 408).hasSize(16);
    }

    @Test
    void aBodyThatNeverComesIsCutAfterTheConnectionTimeout() {
        RawHttp connection = connect();
        connection.send("POST /webhooks/twilio/inbound HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n");

        RawHttp.Answer answer = connection.readUntilClosed();

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.closed()).isTrue();
        assertThat(answer.after()).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void chunkedBodiesAreBoundedFormsIncluded() throws Exception {
        assertThat(chunked("/webhooks/twilio/inbound", 70_000).status()).as("64 KB on webhooks").isEqualTo(413);
        RawHttp.Answer login = chunked("/login", 1_200_000);
        assertThat(login.status()).as("1 MB elsewhere").isEqualTo(413);
        assertThat(login.text()).contains("/problems/payload-too-large").doesNotContain("Exception", "at org.");
    }

    @Test
    void aChunkedFormWithinTheLimitIsStillReadAsAForm() {
        String token = this.http.csrfToken("/login");
        String form = "username=" + PlatformIT.ADMIN + "&password=" + PlatformIT.ADMIN_PASSWORD + "&_csrf="
                + HttpFixture.encode(token);
        RawHttp connection = connect();
        connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: XSRF-TOKEN="
                + this.http.cookie("XSRF-TOKEN") + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(form.length()) + "\r\n" + form + "\r\n0\r\n\r\n");

        RawHttp.Answer answer = connection.readUntilClosed();

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).doesNotContain("error");
    }

    private Future<RawHttp.Answer> trickleBody(String path, String address) {
        RawHttp connection = connect();
        String type = path.startsWith("/t/") ? "text/plain" : "application/x-www-form-urlencoded";
        connection.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + address
                + "\r\nContent-Type: " + type + "\r\nContent-Length: 1000\r\n\r\nx");
        this.trickle.scheduleAtFixedRate(() -> connection.send("x"), 2, 2, TimeUnit.SECONDS);
        return this.readers.submit(connection::readUntilClosed);
    }

    private RawHttp.Answer chunked(String path, int size) throws Exception {
        RawHttp connection = connect();
        connection.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
        Future<RawHttp.Answer> answer = this.readers.submit(connection::readUntilClosed);
        String chunk = "a=" + "x".repeat(8190);
        this.readers.submit(() -> {
            for (int sent = 0; sent < size && connection
                .send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"); sent += chunk.length()) {
                // until the size, or until the server closes
            }
            connection.send("0\r\n\r\n");
        });
        return answer.get(20, TimeUnit.SECONDS);
    }

    private RawHttp connect() {
        RawHttp connection = RawHttp.open(this.port, Duration.ofSeconds(20));
        this.connections.add(connection);
        return connection;
    }

}
