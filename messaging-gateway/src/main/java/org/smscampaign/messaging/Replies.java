package org.smscampaign.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.smscampaign.messaging.dispatch.SuppressionList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Texts received from recipients, and the review queue of replies that read like an
 * opt-out in words: a person decides whether the sender meant to unsubscribe.
 */
@Service
public class Replies {

    private final JdbcClient jdbc;

    private final SuppressionList suppressions;

    Replies(JdbcClient jdbc, SuppressionList suppressions) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
    }

    /** Replies waiting for a person's decision, oldest first. */
    @Transactional(readOnly = true)
    public List<ReplyView> awaitingReview(int limit) {
        return this.jdbc
            .sql("select * from inbound_message where needs_review and reviewed_at is null order by received_at "
                    + "limit :limit")
            .param("limit", limit)
            .query(Replies::view)
            .list();
    }

    /** Texts received, newest first; of one campaign when given. */
    @Transactional(readOnly = true)
    public List<ReplyView> latest(Long campaignId, int limit) {
        String where = (campaignId != null) ? " where campaign_id = :campaign" : "";
        var statement = this.jdbc
            .sql("select * from inbound_message" + where + " order by received_at desc, id desc limit :limit")
            .param("limit", limit);
        if (campaignId != null) {
            statement = statement.param("campaign", campaignId);
        }
        return statement.query(Replies::view).list();
    }

    /** Texts received from one number, newest first (a contact's timeline). */
    @Transactional(readOnly = true)
    public List<ReplyView> from(String number, int limit) {
        return this.jdbc
            .sql("select * from inbound_message where from_number = :from order by received_at desc, id desc "
                    + "limit :limit")
            .param("from", number)
            .param("limit", limit)
            .query(Replies::view)
            .list();
    }

    @Transactional(readOnly = true)
    public Optional<ReplyView> find(long id) {
        return this.jdbc.sql("select * from inbound_message where id = :id")
            .param("id", id)
            .query(Replies::view)
            .optional();
    }

    /**
     * A person's decision on a reply: it was an opt-out (the number is suppressed at
     * once) or not. Returns false when it was decided before.
     */
    @Transactional
    public boolean review(long id, boolean optOut, String by) {
        Optional<String> from = this.jdbc.sql("""
                update inbound_message set reviewed_at = now(), reviewed_by = :by, review_result = :result
                where id = :id and needs_review and reviewed_at is null returning from_number""")
            .param("id", id)
            .param("by", by)
            .param("result", optOut ? "OPTED_OUT" : "KEPT")
            .query(String.class)
            .optional();
        if (from.isPresent() && optOut) {
            this.suppressions.optOut(from.get(), OptOutReason.REVIEWED_REPLY, "reply reviewed by " + by);
        }
        return from.isPresent();
    }

    /**
     * Responses matched to each campaign keyword (by the keyword's id): texts stored with
     * the keyword that are still responses after any correction.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> countsByKeyword(java.util.Collection<Long> keywordIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (keywordIds.isEmpty()) {
            return counts;
        }
        this.jdbc.sql("""
                select keyword_id, count(*) from inbound_message
                where keyword_id = any(:ids) and kind in ('KEYWORD', 'QUERY', 'OTHER') group by keyword_id""")
            .param("ids", keywordIds.toArray(Long[]::new))
            .query((row, n) -> counts.put(row.getLong(1), row.getLong(2)))
            .list();
        return counts;
    }

    @Transactional(readOnly = true)
    public long awaitingReviewCount() {
        return this.jdbc.sql("select count(*) from inbound_message where needs_review and reviewed_at is null")
            .query(Long.class)
            .single();
    }

    private static ReplyView view(ResultSet row, int n) throws SQLException {
        return new ReplyView(row.getLong("id"), row.getString("from_number"), row.getString("body"),
                row.getString("kind"), row.getBoolean("needs_review"), row.getString("review_result"),
                row.getString("reviewed_by"), row.getObject("message_id", Long.class),
                new Attribution(row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                        null),
                row.getTimestamp("received_at").toInstant());
    }

}
