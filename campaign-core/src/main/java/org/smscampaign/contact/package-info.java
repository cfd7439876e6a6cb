/**
 * Contacts and their consent: E.164 numbers, attributes, the append-only consent log, CSV
 * import and export. This package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Contacts", allowedDependencies = {})
package org.smscampaign.contact;

import org.springframework.modulith.ApplicationModule;
