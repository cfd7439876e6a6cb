/**
 * Static lists and rule-based segments of contacts, compiled to parameterised SQL. This
 * package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Segments", allowedDependencies = { "contact" })
package org.smscampaign.segment;

import org.springframework.modulith.ApplicationModule;
