package org.smscampaign.link;

import java.util.Map;

/**
 * The hits of a link or a campaign. Raw counts include every hit; human counts exclude
 * previews, bots and scanners, with the reasons broken down.
 *
 * @param hits every hit
 * @param humanHits hits counted as a person's click
 * @param links links with at least one hit (unique raw clicks; for recipient links,
 * recipients)
 * @param humanLinks links with at least one human hit (unique human clicks)
 * @param excluded hits not counted as human, by reason
 */
public record LinkStats(long hits, long humanHits, long links, long humanLinks, Map<ClickReason, Long> excluded) {

}
