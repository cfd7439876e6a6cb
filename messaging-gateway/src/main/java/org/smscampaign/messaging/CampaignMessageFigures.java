package org.smscampaign.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.messaging.rollup.MessageRollups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign figures of the gateway for dashboards and reports, read from the rollups (kept
 * current by the rollup job), one campaign or many at once.
 */
@Service
public class CampaignMessageFigures {

    private final JdbcClient jdbc;

    private static final String HOURS = "select campaign_id, variant, hour, sent, delivered, failed, undelivered "
            + "from campaign_message_hour";

    private static final String COSTS = "select campaign_id, variant, channel, hour, currency, source, messages, amount "
            + "from campaign_message_cost";

    private static final String STEP_COSTS = "select campaign_id, step, channel, hour, currency, source, messages, "
            + "amount from campaign_message_step_cost";

    private static final String CASCADE_COSTS = "select campaign_id, kind, hour, currency, chains, amount "
            + "from campaign_cascade_cost";

    private final MessageRollups rollups;

    CampaignMessageFigures(JdbcClient jdbc, MessageRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    @Transactional(readOnly = true)
    public MessageFigures of(long campaignId) {
        return of(List.of(campaignId), true).get(campaignId);
    }

    /** Totals and replies of many campaigns (no hours), for overviews. */
    @Transactional(readOnly = true)
    public Map<Long, MessageFigures> totalsOf(Collection<Long> campaignIds) {
        return of(campaignIds, false);
    }

    private Map<Long, MessageFigures> of(Collection<Long> campaignIds, boolean withHours) {
        Long[] ids = campaignIds.toArray(Long[]::new);
        Map<Long, List<MessageFigures.Total>> totals = new HashMap<>();
        this.jdbc.sql("""
                select campaign_id, variant, channel, status, messages, segments from campaign_message_total
                where campaign_id = any(:ids) order by campaign_id, variant, channel, status""")
            .param("ids", ids)
            .query((row, n) -> totals.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(new MessageFigures.Total(row.getString("variant"), Channel.valueOf(row.getString("channel")),
                        MessageStatus.valueOf(row.getString("status")), row.getLong("messages"),
                        row.getLong("segments"))))
            .list();
        Map<Long, List<MessageFigures.Hour>> hours = new HashMap<>();
        if (withHours) {
            this.jdbc.sql(HOURS + " where campaign_id = any(:ids) order by hour, variant")
                .param("ids", ids)
                .query((row, n) -> hours.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                    .add(hour(row)))
                .list();
        }
        Map<Long, List<MessageFigures.Cost>> costs = new HashMap<>();
        this.jdbc.sql(COSTS + " where campaign_id = any(:ids) order by hour, variant, channel")
            .param("ids", ids)
            .query((row, n) -> costs.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(cost(row)))
            .list();
        Map<Long, Map<String, Long>> replies = new HashMap<>();
        this.jdbc.sql("""
                select campaign_id, kind, count(*) as replies from inbound_message
                where campaign_id = any(:ids) group by campaign_id, kind""")
            .param("ids", ids)
            .query((row, n) -> replies.computeIfAbsent(row.getLong("campaign_id"), (k) -> new HashMap<>())
                .put(row.getString("kind"), row.getLong("replies")))
            .list();
        Map<Long, Instant> refreshed = new HashMap<>();
        this.jdbc.sql("select campaign_id, refreshed_at from message_rollup_state where campaign_id = any(:ids)")
            .param("ids", ids)
            .query((row, n) -> refreshed.put(row.getLong("campaign_id"), instant(row, "refreshed_at")))
            .list();
        Map<Long, List<MessageFigures.Step>> steps = new HashMap<>();
        Map<Long, List<MessageFigures.StepCost>> stepCosts = new HashMap<>();
        if (withHours) {
            this.jdbc.sql("select * from campaign_message_step where campaign_id = any(:ids) order by step, channel")
                .param("ids", ids)
                .query((row, n) -> steps.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                    .add(step(row)))
                .list();
            this.jdbc.sql(STEP_COSTS + " where campaign_id = any(:ids) order by step, channel, hour")
                .param("ids", ids)
                .query((row, n) -> stepCosts.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                    .add(stepCost(row)))
                .list();
        }
        Map<Long, List<MessageFigures.CascadeCost>> cascades = new HashMap<>();
        this.jdbc.sql(CASCADE_COSTS + " where campaign_id = any(:ids) order by hour, kind")
            .param("ids", ids)
            .query((row, n) -> cascades.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(cascadeCost(row)))
            .list();
        Map<Long, MessageFigures> figures = new HashMap<>();
        for (Long id : campaignIds) {
            figures.put(id,
                    new MessageFigures(id, totals.getOrDefault(id, List.of()), hours.getOrDefault(id, List.of()),
                            costs.getOrDefault(id, List.of()), replies.getOrDefault(id, Map.of()), refreshed.get(id),
                            steps.getOrDefault(id, List.of()), stepCosts.getOrDefault(id, List.of()),
                            cascades.getOrDefault(id, List.of())));
        }
        return figures;
    }

    /**
     * Where each of the given contacts' messages of the campaign was delivered: the
     * winning step of their chain (the last delivered one); contacts with no delivered
     * message are absent. One query, for clicks and conversions by step.
     */
    @Transactional(readOnly = true)
    public Map<Long, MessageFigures.Delivery> deliveries(long campaignId, long[] contactIds) {
        Map<Long, MessageFigures.Delivery> deliveries = new HashMap<>();
        if (contactIds.length == 0) {
            return deliveries;
        }
        this.jdbc.sql("""
                select distinct on (contact_id) contact_id, coalesce(chain_step, 0) + 1 as step, channel
                from outbound_message
                where campaign_id = :id and status = 'DELIVERED' and contact_id = any(:contacts)
                order by contact_id, coalesce(chain_step, 0) desc, id desc""")
            .param("id", campaignId)
            .param("contacts", contactIds)
            .query((row, n) -> deliveries.put(row.getLong("contact_id"),
                    new MessageFigures.Delivery(row.getInt("step"), Channel.valueOf(row.getString("channel")))))
            .list();
        return deliveries;
    }

    /**
     * Per week (Monday 00:00 UTC) across all campaigns: messages taken by the provider
     * and delivered.
     */
    @Transactional(readOnly = true)
    public List<Week> weeks(Instant from) {
        return this.jdbc.sql("""
                select date_trunc('week', hour, 'UTC') as week, sum(sent) as sent, sum(delivered) as delivered
                from campaign_message_hour where hour >= :from group by 1 order by 1""")
            .param("from", java.sql.Timestamp.from(from))
            .query((row, n) -> new Week(instant(row, "week"), row.getLong("sent"), row.getLong("delivered")))
            .list();
    }

    /**
     * Costs of all campaigns per channel, day (UTC, as {@code hour}), currency and source
     * of price, from the given moment on (null: all).
     */
    @Transactional(readOnly = true)
    public List<MessageFigures.Cost> dailyCosts(Instant from) {
        return this.jdbc.sql("""
                select '' as variant, channel, date_trunc('day', hour, 'UTC') as hour, currency, source,
                    sum(messages) as messages, sum(amount) as amount
                from campaign_message_cost where hour >= :from group by 2, 3, 4, 5 order by 3, 2""")
            .param("from", java.sql.Timestamp.from((from != null) ? from : Instant.EPOCH))
            .query((row, n) -> cost(row))
            .list();
    }

    /**
     * The figures of every campaign with messages sent or finished within [from, to):
     * their hours and costs in that range (no totals).
     */
    @Transactional(readOnly = true)
    public Map<Long, MessageFigures> between(Instant from, Instant to) {
        Map<Long, List<MessageFigures.Hour>> hours = new HashMap<>();
        this.jdbc.sql(HOURS + " where hour >= :from and hour < :to order by campaign_id, hour, variant")
            .param("from", java.sql.Timestamp.from(from))
            .param("to", java.sql.Timestamp.from(to))
            .query((row, n) -> hours.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(hour(row)))
            .list();
        Map<Long, List<MessageFigures.Cost>> costs = new HashMap<>();
        this.jdbc.sql(COSTS + " where hour >= :from and hour < :to order by campaign_id, hour, variant, channel")
            .param("from", java.sql.Timestamp.from(from))
            .param("to", java.sql.Timestamp.from(to))
            .query((row, n) -> costs.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(cost(row)))
            .list();
        Map<Long, List<MessageFigures.CascadeCost>> cascades = new HashMap<>();
        this.jdbc.sql(CASCADE_COSTS + " where hour >= :from and hour < :to order by campaign_id, hour, kind")
            .param("from", java.sql.Timestamp.from(from))
            .param("to", java.sql.Timestamp.from(to))
            .query((row, n) -> cascades.computeIfAbsent(row.getLong("campaign_id"), (k) -> new ArrayList<>())
                .add(cascadeCost(row)))
            .list();
        Map<Long, MessageFigures> figures = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>(hours.keySet());
        ids.addAll(costs.keySet());
        for (Long id : ids) {
            figures.put(id,
                    new MessageFigures(id, List.of(), hours.getOrDefault(id, List.of()),
                            costs.getOrDefault(id, List.of()), Map.of(), null, List.of(), List.of(),
                            cascades.getOrDefault(id, List.of())));
        }
        return figures;
    }

    /**
     * Messages of all campaigns per channel and status (variant ''), for comparing
     * channels.
     */
    @Transactional(readOnly = true)
    public List<MessageFigures.Total> totalsByChannel() {
        return this.jdbc.sql("""
                select channel, status, sum(messages) as messages, sum(segments) as segments
                from campaign_message_total group by channel, status order by channel, status""")
            .query((row, n) -> new MessageFigures.Total("", Channel.valueOf(row.getString("channel")),
                    MessageStatus.valueOf(row.getString("status")), row.getLong("messages"), row.getLong("segments")))
            .list();
    }

    /** Campaigns whose figures were recomputed after the given time. */
    @Transactional(readOnly = true)
    public List<Long> refreshedAfter(Instant since) {
        return this.jdbc.sql("select campaign_id from message_rollup_state where refreshed_at > :since")
            .param("since", java.sql.Timestamp.from(since))
            .query(Long.class)
            .list();
    }

    /** Contacts whose message of the campaign was delivered. */
    @Transactional(readOnly = true)
    public long[] deliveredContacts(long campaignId) {
        return contacts(campaignId, "status = 'DELIVERED'");
    }

    /**
     * Contacts the campaign sent a message to (the provider took it), whatever came of
     * it: the treated group that the holdout group is compared with.
     */
    @Transactional(readOnly = true)
    public long[] sentContacts(long campaignId) {
        return contacts(campaignId, "status in ('ACCEPTED', 'SENT', 'DELIVERED', 'UNDELIVERED')");
    }

    private long[] contacts(long campaignId, String condition) {
        return this.jdbc.sql(
                "select distinct contact_id from outbound_message where campaign_id = :id and contact_id is not null and "
                        + condition)
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
        java.sql.Timestamp at = row.getTimestamp(column);
        return (at != null) ? at.toInstant() : null;
    }

    private static MessageFigures.Hour hour(ResultSet row) throws SQLException {
        return new MessageFigures.Hour(row.getString("variant"), instant(row, "hour"), row.getLong("sent"),
                row.getLong("delivered"), row.getLong("failed"), row.getLong("undelivered"));
    }

    private static MessageFigures.Cost cost(ResultSet row) throws SQLException {
        return new MessageFigures.Cost(row.getString("variant"), Channel.valueOf(row.getString("channel")),
                instant(row, "hour"), row.getString("currency").strip(), row.getString("source"),
                row.getLong("messages"), row.getBigDecimal("amount"));
    }

    private static MessageFigures.Step step(ResultSet row) throws SQLException {
        return new MessageFigures.Step(row.getInt("step"), Channel.valueOf(row.getString("channel")),
                row.getLong("messages"), row.getLong("sent"), row.getLong("delivered"), row.getLong("read"),
                row.getLong("failed"), row.getLong("handed_on"), row.getLong("withdrawn"), row.getLong("pending"),
                row.getLong("won"), row.getObject("delivery_p50_ms", Long.class),
                row.getObject("delivery_p90_ms", Long.class), row.getObject("chain_p50_ms", Long.class),
                row.getObject("chain_p90_ms", Long.class));
    }

    private static MessageFigures.StepCost stepCost(ResultSet row) throws SQLException {
        return new MessageFigures.StepCost(row.getInt("step"), Channel.valueOf(row.getString("channel")),
                instant(row, "hour"), row.getString("currency").strip(), row.getString("source"),
                row.getLong("messages"), row.getBigDecimal("amount"));
    }

    private static MessageFigures.CascadeCost cascadeCost(ResultSet row) throws SQLException {
        return new MessageFigures.CascadeCost(row.getString("kind"), instant(row, "hour"),
                row.getString("currency").strip(), row.getLong("chains"), row.getBigDecimal("amount"));
    }

    /** One week of all campaigns' messages. */
    public record Week(Instant week, long sent, long delivered) {

    }

}
