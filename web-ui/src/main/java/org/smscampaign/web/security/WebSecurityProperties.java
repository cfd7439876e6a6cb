package org.smscampaign.web.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings of the web module.
 *
 * @param publicActuatorEndpoints actuator endpoint ids reachable without login (probes
 * and scraping); every other actuator endpoint needs the ADMIN role
 * @param secureCookies whether session cookies carry the Secure flag (on behind TLS)
 */
@ConfigurationProperties("sms.web.security")
public record WebSecurityProperties(@DefaultValue( {
        "health", "prometheus" }) List<String> publicActuatorEndpoints, @DefaultValue("false") boolean secureCookies){

}
