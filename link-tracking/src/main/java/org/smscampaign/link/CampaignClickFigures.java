package org.smscampaign.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.smscampaign.link.rollup.ClickRollups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign click and conversion figures for dashboards and reports, read from the rollups
 * (kept current by the rollup job), one campaign or many at once.
 */
@Service
public class CampaignClickFigures {

    private final JdbcClient jdbc;

    private static final String HOURS = "select campaign_id, variant, hour, hits, human_hits, clickers, human_clickers, "
            + "conversions from campaign_click_hour";

    private static final String REVENUE = "select campaign_id, variant, hour, currency, conversions, amount "
            + "from campaign_revenue_hour";

    private final ClickRollups rollups;

    CampaignClickFigures(JdbcClient jdbc, ClickRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /**
     * The moment before which the campaign's raw hits were dropped (retention), when some
     * of them were: its figures are final from then on. Empty while all are kept.
     */
    public Optional<Instant> rawHitsDroppedBefore(long campaignId) {
        return this.jdbc.sql("""
                select d.dropped_before from raw_detail_dropped d
                where d.table_name = 'link_click'
                  and (select min(created_at) from short_link where campaign_id = :id) < d.dropped_before""")
            .param("id", campaignId)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant);
    }

    @Transactional(readOnly = true)
    public ClickFigures of(long campaignId) {
        List<ClickFigures.Hour> hours = hours(List.of(campaignId)).getOrDefault(campaignId, List.of());
        List<ClickFigures.Excluded> excluded = new ArrayList<>();
        List<ClickFigures.Target> targets = new ArrayList<>();
        List<ClickFigures.Delay> delays = new ArrayList<>();
        this.jdbc
            .sql("select facet, key, hits, human_clickers from campaign_click_facet where campaign_id = :id "
                    + "and facet in ('REASON', 'TARGET', 'DELAY') " + "order by facet, hits desc, key")
            .param("id", campaignId)
            .query((row, n) -> {
                String key = row.getString("key");
                switch (row.getString("facet")) {
                    case "REASON" ->
                        excluded.add(new ClickFigures.Excluded(ClickReason.valueOf(key), row.getLong("hits")));
                    case "TARGET" ->
                        targets.add(new ClickFigures.Target(key, row.getLong("hits"), row.getLong("human_clickers")));
                    case "DELAY" ->
                        delays.add(new ClickFigures.Delay(key.equals("unknown") ? null : Integer.valueOf(key),
                                row.getLong("human_clickers")));
                }
                return null;
            })
            .list();
        delays.sort(java.util.Comparator.comparing(ClickFigures.Delay::hours,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return new ClickFigures(campaignId, hours, revenue(List.of(campaignId)).getOrDefault(campaignId, List.of()),
                excluded, targets, delays, refreshedAt(List.of(campaignId)).get(campaignId));
    }

    /** Hours of many campaigns (no breakdowns), for overviews. */
    @Transactional(readOnly = true)
    public Map<Long, ClickFigures> hoursOf(Collection<Long> campaignIds) {
        Map<Long, List<ClickFigures.Hour>> hours = hours(campaignIds);
        Map<Long, List<ClickFigures.Revenue>> revenue = revenue(campaignIds);
        Map<Long, Instant> refreshed = refreshedAt(campaignIds);
        Map<Long, ClickFigures> figures = new HashMap<>();
        for (Long id : campaignIds) {
            figures.put(id, new ClickFigures(id, hours.getOrDefault(id, List.of()), revenue.getOrDefault(id, List.of()),
                    List.of(), List.of(), List.of(), refreshed.get(id)));
        }
        return figures;
    }

    private Map<Long, List<ClickFigures.Revenue>> revenue(Collection<Long> campaignIds) {
        Map<Long, List<ClickFigures.Revenue>> revenue = new HashMap<>();
        this.jdbc.sql(REVENUE + " where campaign_id = any(:ids) order by hour, variant, currency")
            .param("ids", campaignIds.toArray(Long[]::new))
            .query((row, n) -> revenue.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(revenue(row)))
            .list();
        return revenue;
    }

    private Map<Long, List<ClickFigures.Hour>> hours(Collection<Long> campaignIds) {
        Map<Long, List<ClickFigures.Hour>> hours = new HashMap<>();
        this.jdbc.sql(HOURS + " where campaign_id = any(:ids) order by hour, variant")
            .param("ids", campaignIds.toArray(Long[]::new))
            .query((row, n) -> hours.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(hour(row)))
            .list();
        return hours;
    }

    /**
     * The figures of every campaign with hits or conversions within [from, to): their
     * hours and revenue in that range (no breakdowns).
     */
    @Transactional(readOnly = true)
    public Map<Long, ClickFigures> between(Instant from, Instant to) {
        Map<Long, List<ClickFigures.Hour>> hours = new HashMap<>();
        this.jdbc.sql(HOURS + " where hour >= :from and hour < :to order by campaign_id, hour, variant")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((row, n) -> hours.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(hour(row)))
            .list();
        Map<Long, List<ClickFigures.Revenue>> revenue = new HashMap<>();
        this.jdbc.sql(REVENUE + " where hour >= :from and hour < :to order by campaign_id, hour, variant, currency")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((row, n) -> revenue.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(revenue(row)))
            .list();
        java.util.Set<Long> ids = new java.util.HashSet<>(hours.keySet());
        ids.addAll(revenue.keySet());
        Map<Long, ClickFigures> figures = new HashMap<>();
        for (Long id : ids) {
            figures.put(id, new ClickFigures(id, hours.getOrDefault(id, List.of()), revenue.getOrDefault(id, List.of()),
                    List.of(), List.of(), List.of(), null));
        }
        return figures;
    }

    private static ClickFigures.Hour hour(ResultSet row) throws SQLException {
        return new ClickFigures.Hour(row.getString("variant"), instant(row, "hour"), row.getLong("hits"),
                row.getLong("human_hits"), row.getLong("clickers"), row.getLong("human_clickers"),
                row.getLong("conversions"));
    }

    private static ClickFigures.Revenue revenue(ResultSet row) throws SQLException {
        return new ClickFigures.Revenue(row.getString("variant"), instant(row, "hour"), row.getString("currency"),
                row.getLong("conversions"), row.getBigDecimal("amount"));
    }

    private Map<Long, Instant> refreshedAt(Collection<Long> campaignIds) {
        Map<Long, Instant> refreshed = new HashMap<>();
        this.jdbc.sql("select campaign_id, refreshed_at from click_rollup_state where campaign_id = any(:ids)")
            .param("ids", campaignIds.toArray(Long[]::new))
            .query((row, n) -> refreshed.put(row.getLong("campaign_id"), instant(row, "refreshed_at")))
            .list();
        return refreshed;
    }

    /**
     * Per week (Monday 00:00 UTC) across all campaigns: unique human clickers and
     * conversions.
     */
    @Transactional(readOnly = true)
    public List<Week> weeks(Instant from) {
        return this.jdbc.sql("""
                select date_trunc('week', hour, 'UTC') as week, sum(human_clickers) as human_clickers,
                    sum(conversions) as conversions
                from campaign_click_hour where hour >= :from group by 1 order by 1""")
            .param("from", Timestamp.from(from))
            .query((row, n) -> new Week(instant(row, "week"), row.getLong("human_clickers"),
                    row.getLong("conversions")))
            .list();
    }

    /**
     * The value of all campaigns' attributed conversions per day (UTC, as {@code hour})
     * and currency, from the given moment on.
     */
    @Transactional(readOnly = true)
    public List<ClickFigures.Revenue> dailyRevenue(Instant from) {
        return this.jdbc.sql("""
                select '' as variant, date_trunc('day', hour, 'UTC') as hour, currency, sum(conversions) as conversions,
                    sum(amount) as amount
                from campaign_revenue_hour where hour >= :from group by 2, 3 order by 2, 3""")
            .param("from", Timestamp.from(from))
            .query((row, n) -> revenue(row))
            .list();
    }

    /**
     * Across all campaigns, per hour of the week in the recipients' zones (0 = Monday
     * 00h): messages delivered with a link, and how many of them a person clicked.
     */
    @Transactional(readOnly = true)
    public List<SendSlotFigures> sendSlots() {
        return this.jdbc.sql("""
                select key::int as slot, sum(hits) as delivered, sum(human_clickers) as clickers
                from campaign_click_facet where facet = 'SLOT' group by 1 order by 1""")
            .query((row, n) -> new SendSlotFigures(row.getInt("slot"), row.getLong("delivered"),
                    row.getLong("clickers")))
            .list();
    }

    /**
     * One hour of the week (0 = Monday 00:00-00:59 in the recipient's zone).
     *
     * @param delivered messages delivered in it that carried a link
     * @param humanClickers those a person clicked
     */
    public record SendSlotFigures(int slot, long delivered, long humanClickers) {

    }

    /** Campaigns whose figures were recomputed after the given time. */
    @Transactional(readOnly = true)
    public List<Long> refreshedAfter(Instant since) {
        return this.jdbc.sql("select campaign_id from click_rollup_state where refreshed_at > :since")
            .param("since", Timestamp.from(since))
            .query(Long.class)
            .list();
    }

    /**
     * Contacts who clicked a link of the campaign as a person (unique human clickers).
     */
    @Transactional(readOnly = true)
    public long[] humanClickerContacts(long campaignId) {
        return contacts("""
                select distinct l.contact_id from short_link l join link_click c on c.link_id = l.id
                where l.campaign_id = :id and l.contact_id is not null and c.human""", campaignId);
    }

    /**
     * People (contacts) who clicked a link of the campaign as a person and have a
     * conversion attributed to it: the clickers who bought.
     */
    @Transactional(readOnly = true)
    public long convertingClickers(long campaignId) {
        // From the campaign's conversions (few), not its links (one per recipient).
        return this.jdbc.sql("""
                select count(distinct v.contact_id) from counted_conversion v
                where v.campaign_id = :id and v.attributed and v.contact_id is not null
                    and exists (select 1 from short_link l join link_click c on c.link_id = l.id
                        where l.contact_id = v.contact_id and l.campaign_id = :id and c.human)""")
            .param("id", campaignId)
            .query(Long.class)
            .single();
    }

    /** Contacts with a conversion attributed to the campaign. */
    @Transactional(readOnly = true)
    public long[] convertedContacts(long campaignId) {
        return contacts("""
                select distinct contact_id from counted_conversion
                where campaign_id = :id and attributed and contact_id is not null""", campaignId);
    }

    /**
     * The campaign's counted conversions by contact (null: none known), hour and currency
     * (null: without value): to attribute them to the channel that reached each contact.
     */
    @Transactional(readOnly = true)
    public List<ContactConversions> conversionsByContact(long campaignId) {
        return this.jdbc.sql("""
                select contact_id, date_trunc('hour', occurred_at, 'UTC') as hour,
                    case when value is not null then currency end as currency, count(*) as conversions,
                    sum(value) as amount
                from counted_conversion where campaign_id = :id and attributed
                group by 1, 2, 3""")
            .param("id", campaignId)
            .query((row, n) -> new ContactConversions(row.getObject("contact_id", Long.class), instant(row, "hour"),
                    row.getString("currency"), row.getLong("conversions"), row.getBigDecimal("amount")))
            .list();
    }

    /** A contact's conversions of one hour, with their value in one currency. */
    public record ContactConversions(Long contactId, Instant hour, String currency, long conversions,
            java.math.BigDecimal amount) {

    }

    private long[] contacts(String sql, long campaignId) {
        return this.jdbc.sql(sql)
            .param("id", campaignId)
            .query(Long.class)
            .list()
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /** Recomputes a campaign's figures now (tests, and after a bulk change). */
    public void refresh(long campaignId) {
        this.rollups.refresh(campaignId);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return (at != null) ? at.toInstant() : null;
    }

    /** One week of all campaigns' clicks and conversions. */
    public record Week(Instant week, long humanClickers, long conversions) {

    }

}
