package org.smscampaign.messaging.provider;

import java.net.URI;

import org.smscampaign.messaging.MessagingProperties;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Addresses of the platform's webhooks as the provider calls them: under the configured
 * public base URL, or else the local server (the simulator, development).
 */
@Component
public class CallbackAddresses {

    public static final String STATUS_PATH = "/webhooks/twilio/status/";

    private final URI publicBase;

    private final Environment environment;

    private volatile String localBase;

    CallbackAddresses(MessagingProperties properties, Environment environment) {
        this.publicBase = properties.publicBaseUrl();
        this.environment = environment;
    }

    /** Where the provider reports the fate of one message. */
    public URI statusCallback(long messageId) {
        return URI.create(base() + STATUS_PATH + messageId);
    }

    /** The same address on the local server (for the embedded simulator). */
    URI local(URI callback) {
        return URI.create(localBase() + callback.getRawPath());
    }

    private String base() {
        if (this.publicBase != null) {
            String base = this.publicBase.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        return localBase();
    }

    /**
     * Read once the server has its port: looking a property up in the environment walks
     * every property source (and rechecks the system properties' keys), far too slow for
     * every message and callback.
     */
    private String localBase() {
        String known = this.localBase;
        if (known != null) {
            return known;
        }
        String port = this.environment.getProperty("local.server.port");
        if (port == null) {
            return "http://127.0.0.1:" + this.environment.getProperty("server.port", "8080");
        }
        this.localBase = "http://127.0.0.1:" + port;
        return this.localBase;
    }

}
