/**
 * Alerts: rules evaluated while campaigns send and until their goals are judged; each
 * condition fires once, resolves when it clears, and stays in the history with the
 * figures that fired it. This package is the module's API.
 */
@ApplicationModule(displayName = "Alerts",
        allowedDependencies = { "campaign", "report", "messaging", "link", "money", "notice" })
package org.smscampaign.alert;

import org.springframework.modulith.ApplicationModule;
