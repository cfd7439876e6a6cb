package org.smscampaign.web.logging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smscampaign.web.HttpFixture;
import org.smscampaign.web.PlatformIT;
import org.smscampaign.web.security.ApiKeys;
import org.smscampaign.web.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform logs while people sign in (and mistype), API keys authenticate (and
 * forged ones are refused), texts are sent and delivered and forged webhooks arrive: no
 * password, no API key, no message text and no full phone number in any of it.
 */
@PlatformIT
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void noSecretTokenOrFullNumberReachesTheLogs(CapturedOutput output) throws InterruptedException {
        // The demo profile prints its users' passwords once at start, on purpose: only
        // what
        // follows is scanned.
        int before = output.getAll().length();
        String token = this.apiKeys.create("log scan", Role.MARKETER, "test").token();
        String number = "+49151" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        String text = "Secret offer code XK-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

        HttpFixture http = new HttpFixture(this.port);
        http.signIn("demo-manager", "a wrong password for the log scan");
        http.signIn("demo-manager", PlatformIT.DEMO_PASSWORD);
        HttpFixture api = new HttpFixture(this.port);
        java.net.http.HttpResponse<String> sent = api.postJson("/api/v1/messages",
                "{\"to\": \"%s\", \"body\": \"%s\"}".formatted(number, text), "X-API-Key", token);
        assertThat(sent.statusCode()).isBetween(200, 201);
        String message = sent.headers().firstValue("Location").orElseThrow();
        api.get("/api/v1/me", "X-API-Key", token.substring(0, token.length() - 2) + "xx");
        api.post("/webhooks/twilio/inbound", "From=" + number.replace("+", "%2B") + "&Body=STOP", "X-Twilio-Signature",
                "forged");
        // The simulator's receipt arrives (and is logged) before the message reads
        // delivered.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!api.get(message, "X-API-Key", token).body().contains("\"DELIVERED\"") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(api.get(message, "X-API-Key", token).body()).contains("\"DELIVERED\"");

        String logged = output.getAll().substring(before);
        assertThat(logged).as("the flows did log").isNotBlank();
        assertThat(logged).as("the API key").doesNotContain(token).doesNotContain(token.substring(13));
        assertThat(logged).as("passwords").doesNotContain(PlatformIT.DEMO_PASSWORD, "a wrong password");
        assertThat(logged).as("the full number").doesNotContain(number).doesNotContain(number.substring(1));
        assertThat(logged).as("the message text").doesNotContain(text);
    }

}
