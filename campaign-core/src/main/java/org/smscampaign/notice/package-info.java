/**
 * Notices: what the platform tells the outside world happened (a campaign launched,
 * paused or completed, a goal judged, an alert raised or resolved), as one event type
 * that notifications and outgoing webhooks follow. This package is the module's API.
 */
@ApplicationModule(displayName = "Notices", allowedDependencies = {})
package org.smscampaign.notice;

import org.springframework.modulith.ApplicationModule;
