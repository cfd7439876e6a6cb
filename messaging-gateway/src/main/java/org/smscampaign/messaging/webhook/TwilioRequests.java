package org.smscampaign.messaging.webhook;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.smscampaign.messaging.MessagingProperties;
import org.smscampaign.messaging.provider.SignatureKey;

import org.springframework.stereotype.Component;

/**
 * Checks that a webhook request comes from the provider: {@code X-Twilio-Signature} over
 * the public URL the provider called and every POST parameter (twilio-java's
 * {@link RequestValidator}). Behind a proxy the URL is rebuilt from the configured public
 * base URL; without one, from the request as it arrived.
 */
@Component
class TwilioRequests {

    private final URI publicBase;

    private final RequestValidator validator;

    TwilioRequests(MessagingProperties properties, SignatureKey key) {
        this.publicBase = properties.publicBaseUrl();
        this.validator = new RequestValidator(key.token());
    }

    /** The request's form parameters, one value each. */
    static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, (values.length > 0) ? values[0] : ""));
        return parameters;
    }

    boolean authentic(HttpServletRequest request, Map<String, String> parameters) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
        String url;
        if (this.publicBase != null) {
            String base = this.publicBase.toString();
            url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.getRequestURI() + query;
        }
        else {
            url = request.getRequestURL() + query;
        }
        // Query parameters are part of the URL, not of the signed POST parameters.
        Map<String, String> posted = new HashMap<>(parameters);
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                posted
                    .remove(java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return this.validator.validate(url, posted, signature);
    }

}
