package org.smscampaign.web.security.redirect;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's public address.
 *
 * @param publicBaseUrl where people reach the platform (e.g.
 * {@code https://sms.example.com}); redirects point there whatever Host header a request
 * carries. Unset, redirects within the platform are relative.
 */
@ConfigurationProperties("sms.web")
public record PublicAddressProperties(URI publicBaseUrl) {

}
