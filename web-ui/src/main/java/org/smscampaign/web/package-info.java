/**
 * The web application: pages, REST API, security, configuration and dashboards. Nothing
 * depends on this module; it uses the other modules through their top-level (API)
 * packages only.
 */
@ApplicationModule(displayName = "Web")
package org.smscampaign.web;

import org.springframework.modulith.ApplicationModule;
