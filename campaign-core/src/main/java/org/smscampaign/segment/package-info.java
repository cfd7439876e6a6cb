/**
 * Named, rule-based segments of contacts: the rule is structured data
 * ({@code ContactCriteria}) stored as JSON and counted through the contact module, live
 * while a marketer edits it. This package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Segments", allowedDependencies = "contact")
package org.smscampaign.segment;

import org.springframework.modulith.ApplicationModule;
