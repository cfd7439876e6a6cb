package org.smscampaign.link;

/**
 * A rule of click classification: an admin's addition (a user-agent fragment) or one of
 * our SMS rules (a regular expression).
 *
 * @param kind PREVIEW, BOT or HUMAN
 * @param text the fragment or expression
 */
public record ClassificationRule(String kind, String text) {

}
