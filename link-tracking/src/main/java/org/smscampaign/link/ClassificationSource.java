package org.smscampaign.link;

/**
 * A source that click classification asks, with its version (shown on Admin › Link
 * tracking).
 *
 * @param source which source
 * @param name what it is
 * @param version its version
 * @param date when it was released or vendored
 * @param entries how many rules or patterns it holds (0 for a library)
 * @param note how it is kept current
 */
public record ClassificationSource(AgentVerdict.Source source, String name, String version, String date, int entries,
        String note) {

}
