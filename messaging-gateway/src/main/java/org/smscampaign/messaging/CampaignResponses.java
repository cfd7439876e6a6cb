package org.smscampaign.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responses to campaigns, for the response funnel: read from the texts themselves
 * (responses are few beside messages, and the index on campaign, kind and number serves
 * these reads), so an answer or a correction shows at once.
 */
@Service
public class CampaignResponses {

    private static final String RESPONSE = "('KEYWORD', 'QUERY', 'OTHER')";

    private final JdbcClient jdbc;

    CampaignResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per number that responded to the campaign. */
    @Transactional(readOnly = true)
    public ResponseFigures of(long campaignId) {
        return new ResponseFigures(campaignId,
                this.jdbc.sql("""
                        select (array_agg(coalesce(o.variant, '') order by i.received_at, i.id))[1] as variant,
                            (array_agg(i.contact_id order by i.received_at, i.id)
                                filter (where i.contact_id is not null))[1] as contact_id,
                            min(i.received_at) as first_response,
                            min(i.received_at) filter (where i.kind = 'QUERY') as first_query,
                            min(i.answered_at) filter (where i.kind = 'QUERY') as first_answer,
                            coalesce(bool_or(i.kind = 'QUERY' and i.answered_at is null), false) as waiting
                        from inbound_message i left join outbound_message o on o.id = i.message_id
                        where i.campaign_id = :id and i.kind in %s
                        group by i.from_number order by first_response""".formatted(RESPONSE))
                    .param("id", campaignId)
                    .query((row, n) -> new ResponseFigures.Responder(row.getString("variant"),
                            row.getObject("contact_id", Long.class), instant(row, "first_response"),
                            instant(row, "first_query"), instant(row, "first_answer"), row.getBoolean("waiting")))
                    .list());
    }

    /**
     * Responders and queriers of many campaigns at once (campaigns without are absent).
     */
    @Transactional(readOnly = true)
    public Map<Long, ResponseFigures.Counts> countsOf(Collection<Long> campaignIds) {
        Map<Long, ResponseFigures.Counts> counts = new HashMap<>();
        this.jdbc.sql("""
                select campaign_id, count(distinct from_number) as responders,
                    count(distinct from_number) filter (where kind = 'QUERY') as queriers,
                    count(distinct from_number) filter (where kind = 'QUERY' and answered_at is not null) as answered,
                    count(distinct from_number) filter (where kind = 'QUERY' and answered_at is null) as waiting
                from inbound_message where campaign_id = any(:ids) and kind in %s
                group by campaign_id""".formatted(RESPONSE))
            .param("ids", campaignIds.toArray(Long[]::new))
            .query((row, n) -> counts.put(row.getLong("campaign_id"),
                    new ResponseFigures.Counts(row.getLong("responders"), row.getLong("queriers"),
                            row.getLong("answered"), row.getLong("waiting"))))
            .list();
        return counts;
    }

    /**
     * Per campaign, numbers whose response (and query) arrived within [from, to): the
     * period summaries' responders and queries (answered and waiting not counted).
     */
    @Transactional(readOnly = true)
    public Map<Long, ResponseFigures.Counts> countsBetween(Instant from, Instant to) {
        Map<Long, ResponseFigures.Counts> counts = new HashMap<>();
        this.jdbc.sql("""
                select campaign_id, count(distinct from_number) as responders,
                    count(distinct from_number) filter (where kind = 'QUERY') as queriers
                from inbound_message where campaign_id is not null and kind in %s
                    and received_at >= :from and received_at < :to
                group by campaign_id""".formatted(RESPONSE))
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((row, n) -> counts.put(row.getLong("campaign_id"),
                    new ResponseFigures.Counts(row.getLong("responders"), row.getLong("queriers"), 0, 0)))
            .list();
        return counts;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return (at != null) ? at.toInstant() : null;
    }

}
