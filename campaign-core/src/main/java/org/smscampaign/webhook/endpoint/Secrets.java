package org.smscampaign.webhook.endpoint;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: 32 random bytes, readable and recognisable by their prefix. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
