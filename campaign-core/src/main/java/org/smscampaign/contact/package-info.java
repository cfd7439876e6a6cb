/**
 * Contacts and their consent: E.164 numbers, attributes, the append-only consent log,
 * static lists, CSV import and export, and queries over contacts by structured criteria
 * (what segments compile to). This package is the module's API; sub-packages are
 * internal.
 */
@ApplicationModule(displayName = "Contacts", allowedDependencies = { "money", "platform" })
package org.smscampaign.contact;

import org.springframework.modulith.ApplicationModule;
