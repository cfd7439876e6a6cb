package org.smscampaign.campaign.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.CampaignDraft;
import org.smscampaign.campaign.GoalMetric;
import org.smscampaign.campaign.GoalState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Goals in SQL: targets (kept in place so a judgement is never lost to a rewrite), the
 * frozen judgements and the log of target changes after launch.
 */
@Component
public class GoalStore {

    private final JdbcClient jdbc;

    GoalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the campaign's goals these: new ones inserted, targets updated, the others
     * removed (judged ones are never touched: the caller refuses such a change).
     */
    public void write(long id, List<CampaignDraft.Goal> goals) {
        List<String> keep = goals.stream().map((g) -> g.metric().name() + "/" + g.event()).toList();
        this.jdbc
            .sql("delete from campaign_goal where campaign_id = :id and judged_at is null "
                    + "and not (metric || '/' || event = any(:keep))")
            .param("id", id)
            .param("keep", keep.toArray(new String[0]))
            .update();
        for (CampaignDraft.Goal goal : goals) {
            this.jdbc
                .sql("""
                        insert into campaign_goal (campaign_id, metric, event, target) values (:id, :metric, :event, :target)
                        on conflict (campaign_id, metric, event) do update set target = excluded.target
                        where campaign_goal.judged_at is null""")
                .param("id", id)
                .param("metric", goal.metric().name())
                .param("event", goal.event())
                .param("target", goal.target())
                .update();
        }
    }

    /** Logs a target change after launch (from null: added; to null: removed). */
    public void logChange(long id, GoalMetric metric, String event, BigDecimal from, BigDecimal to, String by,
            Instant at) {
        this.jdbc.sql("""
                insert into campaign_goal_change (campaign_id, metric, event, from_target, to_target, changed_by,
                    changed_at) values (:id, :metric, :event, :from, :to, :by, :at)""")
            .param("id", id)
            .param("metric", metric.name())
            .param("event", event)
            .param("from", from)
            .param("to", to)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Freezes a goal's verdict unless it is judged already (another instance, an earlier
     * tick). Returns whether this call judged it.
     */
    public boolean judge(long id, GoalMetric metric, String event, boolean passed, BigDecimal figure, Instant at) {
        return this.jdbc.sql("""
                update campaign_goal set passed = :passed, judged_figure = :figure, judged_at = :at
                where campaign_id = :id and metric = :metric and event = :event and judged_at is null""")
            .param("id", id)
            .param("metric", metric.name())
            .param("event", event)
            .param("passed", passed)
            .param("figure", figure)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

    /**
     * Launched campaigns whose evaluation window has ended with a goal not judged yet.
     */
    public List<Long> awaitingJudgement(Instant now) {
        return this.jdbc.sql("""
                select c.id from campaign c
                where c.launched_at is not null and c.status <> 'CANCELLED'
                  and c.launched_at + make_interval(days => c.evaluation_days) <= :now
                  and exists (select 1 from campaign_goal g where g.campaign_id = c.id and g.judged_at is null)
                order by c.id""").param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /** The goals of some campaigns with their judgements and changes, by campaign. */
    Map<Long, List<GoalState>> states(Long[] ids) {
        Map<String, List<GoalState.Change>> changes = new HashMap<>();
        this.jdbc.sql("select * from campaign_goal_change where campaign_id = any(:ids) order by id")
            .param("ids", ids)
            .query((row, n) -> changes
                .computeIfAbsent(
                        row.getLong("campaign_id") + "/" + row.getString("metric") + "/" + row.getString("event"),
                        (k) -> new ArrayList<>())
                .add(new GoalState.Change(row.getString("changed_by"), row.getTimestamp("changed_at").toInstant(),
                        plain(row.getBigDecimal("from_target")), plain(row.getBigDecimal("to_target")))))
            .list();
        Map<Long, List<GoalState>> states = new HashMap<>();
        this.jdbc.sql("select * from campaign_goal where campaign_id = any(:ids) order by metric, event")
            .param("ids", ids)
            .query((row, n) -> {
                long campaign = row.getLong("campaign_id");
                String metric = row.getString("metric");
                String event = row.getString("event");
                Timestamp judged = row.getTimestamp("judged_at");
                return states.computeIfAbsent(campaign, (k) -> new ArrayList<>())
                    .add(new GoalState(GoalMetric.valueOf(metric), event, plain(row.getBigDecimal("target")),
                            (Boolean) row.getObject("passed"), plain(row.getBigDecimal("judged_figure")),
                            (judged != null) ? judged.toInstant() : null,
                            changes.getOrDefault(campaign + "/" + metric + "/" + event, List.of())));
            })
            .list();
        return states;
    }

    /** Without trailing zeros, never in scientific notation (as forms show it). */
    static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
    }

}
