package org.smscampaign.web.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.RawHttp;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 1: readiness stayed UP while slow clients held every request thread
 * of the application port. Here the port has two threads and the body guard is lenient,
 * so two slow clients starve it.
 */
@PlatformIT
@TestPropertySource(properties = { "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=1",
        "sms.web.security.body.deadline=60s", "sms.web.security.body.min-rate=0B",
        "sms.web.security.app-port-probe.interval=200ms", "sms.web.security.app-port-probe.timeout=500ms" })
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppPortStarvationIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);

    List<RawHttp> slow = new ArrayList<>();

    @AfterEach
    void closeAll() {
        this.trickle.shutdownNow();
        this.slow.forEach(RawHttp::close);
    }

    @Test
    void readinessGoesDownWhileTheApplicationPortIsStarvedAndUpAfter() {
        HttpFixture management = new HttpFixture(this.managementPort);
        waitUntil(() -> management.get("/actuator/health/readiness").statusCode() == 200);

        for (int i = 0; i < 2; i++) {
            RawHttp connection = RawHttp.open(this.port, Duration.ofSeconds(30));
            connection.send("POST /t/conversions HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\nx");
            this.trickle.scheduleAtFixedRate(() -> connection.send("x"), 1, 1, TimeUnit.SECONDS);
            this.slow.add(connection);
        }
        waitUntil(() -> management.get("/actuator/health/readiness").statusCode() == 503);
        assertThat(management.get("/actuator/health/liveness").statusCode()).as("alive all the same").isEqualTo(200);

        this.trickle.shutdownNow();
        this.slow.forEach(RawHttp::close);
        waitUntil(() -> management.get("/actuator/health/readiness").statusCode() == 200);
    }

    @Test
    void headersTrickledInHoldNoRequestThread() {
        // Tomcat's NIO connector reads headers without a thread: ten clients sending
        // theirs a
        // byte at a time leave both threads of this port free.
        for (int i = 0; i < 10; i++) {
            RawHttp connection = RawHttp.open(this.port, Duration.ofSeconds(30));
            connection.send("GET /login HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            this.trickle.scheduleAtFixedRate(() -> connection.send("x"), 1, 1, TimeUnit.SECONDS);
            this.slow.add(connection);
        }

        long started = System.nanoTime();
        assertThat(new HttpFixture(this.port).get("/login").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    /** Polls the condition for up to 15 s. */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 15 s").isLessThan(deadline);
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

}
