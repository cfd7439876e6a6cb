/**
 * Branded short links and the redirector: minting codes, redirecting from cache, logging
 * and classifying every hit, recording conversions. A leaf module: it carries opaque
 * attribution ids (campaign, contact, variant, message) and publishes events
 * ({@link LinkClicked}, {@link ConversionRecorded}), but knows nothing of campaigns. This
 * package is the module's API; sub-packages are internal.
 */
@ApplicationModule(displayName = "Link tracking", allowedDependencies = "platform")
package org.smscampaign.link;

import org.springframework.modulith.ApplicationModule;
