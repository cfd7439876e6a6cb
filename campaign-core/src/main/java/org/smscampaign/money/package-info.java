/**
 * Money: the platform's reporting currency and the dated exchange rates that convert
 * amounts in other currencies (conversion values, provider prices) into it, never added
 * raw. Used by campaigns (preflight estimates) and reports. This package is the module's
 * API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Money", allowedDependencies = {})
package org.smscampaign.money;

import org.springframework.modulith.ApplicationModule;
