/**
 * Campaigns: audience, message variants, schedule and send windows, goals, launch and
 * lifecycle. Composes the link-tracking and messaging modules through their APIs. This
 * package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Campaigns",
        allowedDependencies = { "contact", "segment", "link", "messaging", "money", "notice" })
package org.smscampaign.campaign;

import org.springframework.modulith.ApplicationModule;
