package org.smscampaign.link.reclassification;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.smscampaign.link.ClickReason;
import org.smscampaign.link.Conversions;
import org.smscampaign.link.LinkProperties;
import org.smscampaign.link.agent.AgentClassifier;
import org.smscampaign.link.click.ClickIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reclassifies one day of a job's range, in one transaction: classifies the day's agents
 * not classified yet (in Java, once per job), then recomputes every hit's verdict in one
 * statement, as the click writer would now: HEAD; else the agent's verdict; else a burst
 * or delivery-timing reason it had stays; a hit excluded by its agent before that is a
 * person's agent now is judged again by its message's delivery time. Campaigns whose hits
 * changed are marked for the rollup, conversions whose last human click changed are
 * attributed again, and the job's progress is recorded, all with the day's changes.
 */
@Component
class DayReclassifier {

    /**
     * Every hit of a day, its verdict now, and the changed ones written. Hits of the day
     * are a range of click ids (they rise with time; the last day's range reaches a
     * minute past midnight for ids drawn a moment after their hit), filtered by the job's
     * range of times. A hit changed meanwhile by the writer (a burst found later, a
     * receipt) is left as that left it.
     */
    private static final String RECLASSIFY = """
            with agent_verdict as (
                select * from unnest(cast(:agents as int[]), cast(:reasons as varchar[])) as v(agent_id, reason)),
            examined as (
                select c.id, c.human as was_human, c.reason as was,
                    case
                        when c.method = 'HEAD' then 'HEAD_REQUEST'
                        when c.user_agent_id is null then 'EMPTY_USER_AGENT'
                        when v.reason is not null then v.reason
                        when c.reason in ('BURST', 'BEFORE_DELIVERY', 'NEAR_DELIVERY') then c.reason
                        when c.reason is null then null
                        else (select case when c.occurred_at < d.delivered_at then 'BEFORE_DELIVERY'
                                          when c.occurred_at < d.delivered_at + cast(:near as interval)
                                              then 'NEAR_DELIVERY' end
                              from short_link l join link_delivery d on d.message_id = l.message_id
                              where l.id = c.link_id)
                    end as reason
                from link_click c left join agent_verdict v on v.agent_id = c.user_agent_id
                where c.id >= :first and c.id < :last and c.occurred_at >= :from and c.occurred_at < :to),
            changed as (
                update link_click c set reason = e.reason, human = (e.reason is null),
                    txid = pg_current_xact_id()::text::bigint
                from examined e
                where c.id = e.id and e.reason is distinct from e.was and c.reason is not distinct from e.was
                returning c.link_id, c.occurred_at, e.was_human, c.human)
            select (select count(*) from examined) as examined,
                (select count(*) from changed where human and not was_human) as to_person,
                (select count(*) from changed where was_human and not human) as to_not_person,
                (select array_agg(distinct link_id) from changed) as links,
                (select array_agg(distinct link_id) from changed where human <> was_human) as flipped,
                (select min(occurred_at) from changed where human <> was_human) as earliest""";

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final AgentClassifier classifier;

    private final Conversions conversions;

    private final LinkProperties properties;

    DayReclassifier(JdbcClient jdbc, TransactionTemplate transaction, AgentClassifier classifier,
            Conversions conversions, LinkProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.classifier = classifier;
        this.conversions = conversions;
        this.properties = properties;
    }

    /**
     * Reclassifies a day; {@code verdicts} holds the agents classified so far in the job
     * (null: a person's).
     */
    void reclassify(ReclassificationJobs.Job job, LocalDate day, Map<Integer, ClickReason> verdicts) {
        Instant from = job.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = job.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = day.equals(job.to()) ? to.plusSeconds(60)
                : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long first = ClickIds.firstIdAt(day.equals(job.from()) ? from : dayStart);
        long last = ClickIds.firstIdAt(dayEnd);
        this.transaction.executeWithoutResult((status) -> {
            int before = verdicts.size();
            StringJoiner agents = new StringJoiner(",", "{", "}");
            StringJoiner reasons = new StringJoiner(",", "{", "}");
            this.jdbc.sql("""
                    select a.id, a.agent from link_user_agent a
                    where a.id in (select distinct user_agent_id from link_click
                                   where id >= :first and id < :last and occurred_at >= :from and occurred_at < :to)""")
                .param("first", first)
                .param("last", last)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> {
                    int id = row.getInt("id");
                    if (!verdicts.containsKey(id)) {
                        verdicts.put(id, this.classifier.classify(row.getString("agent")).reason());
                    }
                    ClickReason reason = verdicts.get(id);
                    if (reason != null) {
                        agents.add(Integer.toString(id));
                        reasons.add(reason.name());
                    }
                    return id;
                })
                .list();
            Result result = this.jdbc.sql(RECLASSIFY)
                .param("agents", agents.toString())
                .param("reasons", reasons.toString())
                .param("near", this.properties.classification().nearDelivery().toMillis() + " milliseconds")
                .param("first", first)
                .param("last", last)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> new Result(row.getLong("examined"), row.getLong("to_person"),
                        row.getLong("to_not_person"), longs(row.getArray("links")), longs(row.getArray("flipped")),
                        row.getTimestamp("earliest")))
                .single();
            int conversions = (result.flipped().length > 0)
                    ? this.conversions.reattribute(result.flipped(), result.earliest().toInstant()) : 0;
            this.jdbc.sql("""
                    update click_reclassification set next_day = :next, heartbeat_at = now(),
                        agents = agents + :agents, hits_examined = hits_examined + :examined,
                        to_person = to_person + :toPerson, to_not_person = to_not_person + :toNotPerson,
                        conversions_changed = conversions_changed + :conversions
                    where id = :id""")
                .param("next", day.plusDays(1))
                .param("agents", verdicts.size() - before)
                .param("examined", result.examined())
                .param("toPerson", result.toPerson())
                .param("toNotPerson", result.toNotPerson())
                .param("conversions", conversions)
                .param("id", job.id())
                .update();
        });
    }

    private static long[] longs(Array array) throws java.sql.SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        List<Long> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(((Number) value).longValue());
        }
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    private record Result(long examined, long toPerson, long toNotPerson, long[] links, long[] flipped,
            Timestamp earliest) {

    }

}
