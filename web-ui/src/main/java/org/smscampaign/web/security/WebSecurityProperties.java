package org.smscampaign.web.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings of the web module.
 *
 * @param publicActuatorEndpoints actuator endpoint ids reachable without login (probes
 * and scraping); every other actuator endpoint needs the ADMIN role
 * @param secureCookies whether the session, CSRF and saved-page cookies always carry the
 * Secure flag; when false they carry it when the request came over TLS (directly, or by
 * {@code X-Forwarded-Proto: https} from a trusted proxy)
 * @param publicBodyLimit the largest request body the public machine endpoints accept
 * (provider webhooks, browser tracking, conversion postbacks): more is refused with 413
 * @param publicApiDocs whether the OpenAPI description and Swagger UI are open to anyone;
 * by default they need a signed-in user
 */
@ConfigurationProperties("sms.web.security")
public record WebSecurityProperties(@DefaultValue( {
        "health", "prometheus" }) List<String> publicActuatorEndpoints, @DefaultValue("false") boolean secureCookies,
        @DefaultValue("64KB") org.springframework.util.unit.DataSize publicBodyLimit,
        @DefaultValue("false") boolean publicApiDocs){

}
