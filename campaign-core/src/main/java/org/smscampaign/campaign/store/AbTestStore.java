package org.smscampaign.campaign.store;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smscampaign.campaign.AbTestStatus;
import org.smscampaign.campaign.abtest.SequentialAbTest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The A/B test's looks and its one decision, in the campaign's tables. */
@Component
public class AbTestStore {

    private final JdbcClient jdbc;

    AbTestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each variant's always-valid p of the latest look. */
    public Map<String, Double> previousP(long campaignId) {
        Map<String, Double> previous = new HashMap<>();
        this.jdbc
            .sql("select variant, always_valid_p from campaign_ab_look "
                    + "where campaign_id = :id and always_valid_p is not null")
            .param("id", campaignId)
            .query((row, n) -> previous.put(row.getString(1), row.getDouble(2)))
            .list();
        return previous;
    }

    /**
     * Keeps a look. The stored p-value is the least of all looks even when two instances
     * look at once.
     */
    public void save(long campaignId, SequentialAbTest.Look look) {
        for (SequentialAbTest.ArmResult arm : look.arms()) {
            this.jdbc.sql("""
                    insert into campaign_ab_look (campaign_id, variant, delivered, successes, always_valid_p, looked_at)
                    values (:id, :variant, :delivered, :successes, :p, now())
                    on conflict (campaign_id, variant) do update set delivered = excluded.delivered,
                        successes = excluded.successes, looked_at = excluded.looked_at,
                        always_valid_p = least(campaign_ab_look.always_valid_p, excluded.always_valid_p)""")
                .param("id", campaignId)
                .param("variant", arm.arm().label())
                .param("delivered", arm.arm().delivered())
                .param("successes", arm.arm().successes())
                .param("p", arm.alwaysValidP())
                .update();
        }
    }

    /**
     * Records how the test ended, once (of several instances, one wins). Returns 1 when
     * it was recorded now.
     * @param variant the variant sent to those who waited, or null (stopped)
     */
    public int decide(long campaignId, String outcome, String variant, String explanation) {
        return this.jdbc.sql("""
                update campaign set winner_variant = :variant,
                    winner_chosen_at = case when :variant::varchar is null then null else now() end,
                    ab_outcome = :outcome, ab_explanation = left(:explanation, 500), ab_decided_at = now()
                where id = :id and winner_variant is null and ab_outcome is null""")
            .param("id", campaignId)
            .param("variant", variant)
            .param("outcome", outcome)
            .param("explanation", explanation)
            .update();
    }

    /**
     * Those who waited for a test that stopped get no message, and the decision is
     * carried out. Call it in the decision's transaction; again changes nothing. Returns
     * how many.
     */
    public int stopWaiting(long campaignId) {
        int stopped = this.jdbc
            .sql("update campaign_recipient set role = 'STOPPED' where campaign_id = :id and role = 'WAITING'")
            .param("id", campaignId)
            .update();
        this.jdbc
            .sql("update campaign set waiting_count = 0, winner_finished_at = coalesce(winner_finished_at, now()) "
                    + "where id = :id")
            .param("id", campaignId)
            .update();
        return stopped;
    }

    /**
     * A decided test whose decision is not carried out yet.
     *
     * @param winner the variant for those who waited, or null (stopped)
     */
    public record Unfinished(long campaignId, String winner, String outcome) {

    }

    /**
     * Live campaigns whose test was decided but whose winner send (or stop) did not
     * finish: a crash, a restart. A partial index keeps it cheap.
     */
    public List<Unfinished> unfinished() {
        return this.jdbc.sql("""
                select id, winner_variant, ab_outcome from campaign
                where winner_finished_at is null and (winner_variant is not null or ab_outcome is not null)
                  and status in ('SCHEDULED', 'SENDING', 'PAUSED') order by id""")
            .query((row, n) -> new Unfinished(row.getLong(1), row.getString(2), row.getString(3)))
            .list();
    }

    /** The latest look and the outcome. */
    public AbTestStatus status(long campaignId) {
        List<AbTestStatus.VariantLook> looks = this.jdbc
            .sql("select * from campaign_ab_look where campaign_id = :id order by variant")
            .param("id", campaignId)
            .query((row, n) -> new AbTestStatus.VariantLook(row.getString("variant"), row.getLong("delivered"),
                    row.getLong("successes"), row.getObject("always_valid_p", Double.class),
                    row.getTimestamp("looked_at").toInstant()))
            .list();
        return this.jdbc.sql("select ab_outcome, ab_explanation, ab_decided_at from campaign where id = :id")
            .param("id", campaignId)
            .query((row, n) -> {
                Timestamp at = row.getTimestamp(3);
                return new AbTestStatus(row.getString(1), row.getString(2), (at != null) ? at.toInstant() : null,
                        looks);
            })
            .optional()
            .orElse(new AbTestStatus(null, null, null, looks));
    }

}
