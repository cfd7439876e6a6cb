package org.smscampaign.web.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.smscampaign.testsupport.twilio.TwilioStub;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The platform with Twilio as its provider, Twilio played by a loopback stub: the
 * settings that point the app at it, and the requests it captured. Full-stack contract
 * tests of every route that sends extend {@link TwilioOnTheWireIT} or use this fixture.
 */
public final class TwilioOnTheWire {

    /** The stub every Twilio-provider test context talks to. */
    public static final TwilioStub TWILIO = new TwilioStub();

    /** The test auth token: also the key webhook signatures are checked with. */
    public static final String AUTH_TOKEN = "it-twilio-auth-token-0123456789";

    private TwilioOnTheWire() {
    }

    /** Points the app at the stub: provider, both API addresses, fake credentials. */
    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("sms.messaging.provider", () -> "TWILIO");
        registry.add("sms.messaging.twilio.account-sid", () -> TwilioStub.ACCOUNT);
        registry.add("sms.messaging.twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("sms.messaging.twilio.api-base-url", TWILIO::baseUrl);
        registry.add("sms.messaging.twilio.content-api-base-url", TWILIO::baseUrl);
        registry.add("sms.messaging.pricing.fetch.enabled", () -> "false");
    }

    /**
     * Waits (at most 20 s) until the stub received a message create request to the
     * address ({@code +49…}, {@code whatsapp:+49…}, {@code rcs:+49…}) that matches, and
     * returns the matching ones.
     */
    public static List<Map<String, String>> awaitCreates(String to, Predicate<Map<String, String>> which) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<Map<String, String>> found = TWILIO.createsTo(to).stream().filter(which).toList();
            if (!found.isEmpty()) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Twilio received no message to " + to + " within 20 s; it received "
                        + TWILIO.received().size() + " requests");
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    public static List<Map<String, String>> awaitCreates(String to) {
        return awaitCreates(to, (form) -> true);
    }

}
