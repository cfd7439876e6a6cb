package org.smscampaign.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Helpers of the gateway's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A German mobile number no other test uses. */
    public static String number() {
        return "+49176" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String key() {
        return "test-" + System.nanoTime() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    public static long campaign() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }

    public static MessageRequest sms(String sender, String to, long campaign) {
        return MessageRequest.sms(key(), sender, to, "Hello from the test, reply STOP to opt out", 1, Instant.now(),
                new Attribution(campaign, 7L, "A"));
    }

    /** Waits until the condition holds, failing after the timeout. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(25);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}
