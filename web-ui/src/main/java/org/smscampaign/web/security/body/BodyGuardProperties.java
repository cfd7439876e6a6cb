package org.smscampaign.web.security.body;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How request bodies are read (the public endpoints' own, smaller limit is
 * {@code sms.web.security.public-body-limit}).
 *
 * @param limit the largest body of any other request but a multipart upload (pages, the
 * REST API): more is refused with 413 before it is read. Multipart uploads are bounded by
 * {@code spring.servlet.multipart.max-request-size}
 * @param deadline the time a whole body may take to arrive; later, 408 and the connection
 * is closed
 * @param minRate bytes per second a body must keep arriving at once the grace period is
 * over; slower, 408 and the connection is closed
 * @param grace how long a body may arrive slower than the minimum rate
 * @param perClient bodies one client address may be sending at the same time; more get
 * 429 with Retry-After without being read
 */
@ConfigurationProperties("sms.web.security.body")
public record BodyGuardProperties(@DefaultValue("1MB") DataSize limit, @DefaultValue("10s") Duration deadline,
        @DefaultValue("1KB") DataSize minRate, @DefaultValue("2s") Duration grace, @DefaultValue("16") int perClient) {

}
