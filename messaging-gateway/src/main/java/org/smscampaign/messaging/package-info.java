/**
 * The gateway from enqueued messages to texts on phones: providers behind the SmsSender
 * port, paced dispatch, delivery receipts, replies and opt-outs, cascade. A leaf module:
 * it carries opaque attribution ids and publishes events, but knows nothing of campaigns.
 * This package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Messaging gateway", allowedDependencies = "platform")
package org.smscampaign.messaging;

import org.springframework.modulith.ApplicationModule;
