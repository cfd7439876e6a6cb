/**
 * Reports: each campaign's funnel, rates, money, goals and variants, and the overview of
 * all campaigns, computed by one set of definitions ({@code docs/metrics.md}) from the
 * figures link tracking and the gateway keep. This package is the module's API.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "campaign", "link", "messaging", "money" })
package org.smscampaign.report;

import org.springframework.modulith.ApplicationModule;
