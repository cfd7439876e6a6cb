package org.smscampaign.messaging.provider;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.smscampaign.messaging.MessagingProperties;

import org.springframework.stereotype.Component;

/**
 * The key of webhook signatures: the Twilio auth token when one is configured; otherwise
 * (the simulator) a random secret of this process, so that forged callbacks are refused
 * in the demo too.
 */
@Component
public class SignatureKey {

    private final String token;

    SignatureKey(MessagingProperties properties) {
        String configured = properties.twilio().authToken();
        if (configured != null && !configured.isBlank()) {
            this.token = configured;
        }
        else {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            this.token = HexFormat.of().formatHex(secret);
        }
    }

    public String token() {
        return this.token;
    }

}
