package org.smscampaign.link;

import java.net.URI;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links by destination: every recipient of a campaign has a link of their own, but the
 * marketer wrote one destination, so the pages group them by campaign and destination,
 * and a mistyped destination is corrected once for all of them (checked by the brand's
 * rules as any change, audited, and followed by every instance's redirector).
 */
@Service
public class LinkDestinations {

    /**
     * The destination as written: the target without the UTM parameters minted links get
     * (see {@link TargetUrls#withUtm}).
     */
    static final String DESTINATION = "regexp_replace(l.target_url, "
            + "'[?&]utm_source=sms&utm_medium=sms(&utm_campaign=[^&#]*)?(&utm_content=[^&#]*)?(?=#|$)', '')";

    private final JdbcClient jdbc;

    private final Brands brands;

    private final LinkProperties properties;

    private final LinkChanges changes;

    private final LinkOffences offences;

    LinkDestinations(JdbcClient jdbc, Brands brands, LinkProperties properties, LinkChanges changes,
            LinkOffences offences) {
        this.jdbc = jdbc;
        this.brands = brands;
        this.properties = properties;
        this.changes = changes;
        this.offences = offences;
    }

    /**
     * Groups of links, newest first: one per campaign and destination, and one per plain
     * link; of one campaign if {@code campaignId} is given.
     */
    @Transactional(readOnly = true)
    public LinkGroupPage groups(Long campaignId, int page, int size) {
        String where = (campaignId != null) ? " where l.campaign_id = :campaign" : "";
        String grouped = "select l.campaign_id, case when l.campaign_id is null then l.id end as plain_id, "
                + DESTINATION + " as destination, count(*) as links, min(l.id) as first_id, max(l.id) as last_id, "
                + "min(l.label) as label from short_link l" + where + " group by 1, 2, 3";
        Map<String, Object> params = new HashMap<>();
        if (campaignId != null) {
            params.put("campaign", campaignId);
        }
        long[] totals = this.jdbc.sql("select count(*), coalesce(sum(links), 0) from (" + grouped + ") g")
            .params(params)
            .query((row, n) -> new long[] { row.getLong(1), row.getLong(2) })
            .single();
        int from = Math.max(0, page);
        List<LinkGroup> items = this.jdbc
            .sql("with g as (" + grouped + " order by last_id desc limit :limit offset :offset) "
                    + "select g.*, k.hits, k.human, k.human_links from g left join lateral ("
                    + "select count(*) as hits, count(*) filter (where c.human) as human, "
                    + "count(distinct c.link_id) filter (where c.human) as human_links "
                    + "from short_link l join link_click c on c.link_id = l.id where case when g.plain_id is not null "
                    + "then l.id = g.plain_id else l.campaign_id = g.campaign_id and " + DESTINATION
                    + " = g.destination end) k on true order by g.last_id desc")
            .params(params)
            .param("limit", size)
            .param("offset", from * size)
            .query((row, n) -> new LinkGroup(row.getObject("campaign_id", Long.class), row.getString("destination"),
                    row.getLong("links"), row.getLong("first_id"),
                    (row.getObject("plain_id") != null) ? row.getString("label") : null, row.getLong("hits"),
                    row.getLong("human"), row.getLong("human_links")))
            .list();
        return new LinkGroupPage(items, totals[0], totals[1], from, size);
    }

    /**
     * Sends every recipient link of a campaign that leads to {@code from} (as written,
     * without UTM parameters) to {@code to} instead. The new destination is checked by
     * each brand's rules as on creation; each link keeps its own UTM parameters (campaign
     * and variant). Audited; every instance's redirector follows at once.
     * @throws LinkProblem NOT_FOUND when no link of the campaign leads to {@code from},
     * INVALID when the brand's rules refuse {@code to}
     */
    @Transactional
    public DestinationChange change(long campaignId, String from, String to, String by) {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new LinkProblem(LinkProblem.Kind.INVALID, "Give the destination to correct and the new one.");
        }
        record Target(String targetUrl, long brandId, String variant) {
        }
        List<Target> targets = this.jdbc
            .sql("select distinct l.target_url, l.brand_id, l.variant from short_link l "
                    + "where l.campaign_id = :campaign and " + DESTINATION + " = :from")
            .param("campaign", campaignId)
            .param("from", from.strip())
            .query((row, n) -> new Target(row.getString(1), row.getLong(2), row.getString(3)))
            .list();
        if (targets.isEmpty()) {
            throw new LinkProblem(LinkProblem.Kind.NOT_FOUND,
                    "No link of this campaign leads to " + from.strip() + ": nothing was changed.");
        }
        int changed = 0;
        for (Target target : targets) {
            List<String> domains = this.brands.get(target.brandId()).allowedTargetDomains();
            URI checked = TargetUrls.check(to.strip(), domains, this.properties.allowedInternalHosts());
            String stored = this.properties.utm()
                    ? TargetUrls.withUtm(checked, utmCampaignOf(target.targetUrl()), target.variant())
                    : checked.toString();
            List<Long> ids = this.jdbc
                .sql("update short_link set target_url = :to where campaign_id = :campaign "
                        + "and target_url = :old and brand_id = :brand returning id")
                .param("to", stored)
                .param("campaign", campaignId)
                .param("old", target.targetUrl())
                .param("brand", target.brandId())
                .query(Long.class)
                .list();
            ids.forEach(this.offences::cleared);
            changed += ids.size();
        }
        Timestamp at = this.jdbc
            .sql("insert into link_destination_change (campaign_id, from_url, to_url, links, changed_by) "
                    + "values (:campaign, :from, :to, :links, :by) returning changed_at")
            .param("campaign", campaignId)
            .param("from", from.strip())
            .param("to", to.strip())
            .param("links", changed)
            .param("by", by)
            .query(Timestamp.class)
            .single();
        this.changes.changedAll();
        return new DestinationChange(campaignId, from.strip(), to.strip(), changed, by, at.toInstant());
    }

    /** The corrections of a campaign's destinations, newest first. */
    @Transactional(readOnly = true)
    public List<DestinationChange> changes(long campaignId) {
        return this.jdbc.sql(
                "select * from link_destination_change where campaign_id = :campaign order by changed_at desc, id desc")
            .param("campaign", campaignId)
            .query((row, n) -> new DestinationChange(campaignId, row.getString("from_url"), row.getString("to_url"),
                    row.getInt("links"), row.getString("changed_by"), row.getTimestamp("changed_at").toInstant()))
            .list();
    }

    /** The utm_campaign a minted link carries, to keep it in the corrected target. */
    static String utmCampaignOf(String targetUrl) {
        String query = URI.create(targetUrl).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("utm_campaign=")) {
                return java.net.URLDecoder.decode(pair.substring("utm_campaign=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

}
