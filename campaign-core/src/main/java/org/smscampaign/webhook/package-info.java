/**
 * Outgoing webhooks: HTTPS endpoints configured by admins get the platform's events
 * ({@link org.smscampaign.notice.PlatformEvent}) as signed JSON, through an outbox that
 * retries with backoff and logs every attempt. This package is the module's API;
 * {@code endpoint} and {@code delivery} are internal.
 */
@ApplicationModule(displayName = "Webhooks", allowedDependencies = { "notice", "link" })
package org.smscampaign.webhook;

import org.springframework.modulith.ApplicationModule;
