package org.smscampaign.web.security.starvation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The readiness probe's view of the application port.
 *
 * @param enabled whether the application port is probed (the {@code appPort} member of
 * the readiness group)
 * @param interval pause between two probes
 * @param timeout how long a probe may take to connect and get its answer; longer, the
 * application is not ready
 */
@ConfigurationProperties("sms.web.security.app-port-probe")
public record AppPortProbeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration interval,
        @DefaultValue("2s") Duration timeout) {

}
