package org.smscampaign.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public Map<Long, Long> countsByKeyword(Collection<Long> keywordIds) {
        Map<Long, Long> counts = new HashMap<>();
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

    /**
     * A person's correction of a text's kind, kept with who, when and why; the rules'
     * verdict (classified kind) stays. A correction to OPT_OUT suppresses the number as a
     * reviewed reply does; one away from OPT_OUT does not subscribe the number again
     * (only the person may, by texting START). Returns the kind before, or empty when
     * there is no such text.
     */
    @Transactional
    public Optional<ReplyKind> correct(long id, ReplyKind kind, String note, String by) {
        Optional<String[]> before = this.jdbc
            .sql("select kind, from_number from inbound_message where id = :id for update")
            .param("id", id)
            .query((row, n) -> new String[] { row.getString(1), row.getString(2) })
            .optional();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        ReplyKind was = ReplyKind.valueOf(before.get()[0]);
        String trimmed = (note != null && !note.isBlank()) ? note.strip() : null;
        if (trimmed != null && trimmed.length() > 500) {
            throw new IllegalArgumentException("note: at most 500 characters");
        }
        this.jdbc.sql("""
                insert into inbound_correction (inbound_id, from_kind, to_kind, corrected_by, note)
                values (:id, :from, :to, :by, :note)""")
            .param("id", id)
            .param("from", was.name())
            .param("to", kind.name())
            .param("by", by)
            .param("note", trimmed)
            .update();
        this.jdbc.sql("update inbound_message set kind = :kind where id = :id")
            .param("kind", kind.name())
            .param("id", id)
            .update();
        if (kind == ReplyKind.OPT_OUT && was != ReplyKind.OPT_OUT) {
            this.jdbc.sql("""
                    update inbound_message set reviewed_at = now(), reviewed_by = :by, review_result = 'OPTED_OUT'
                    where id = :id and needs_review and reviewed_at is null""")
                .param("id", id)
                .param("by", by)
                .update();
            this.suppressions.optOut(before.get()[1], OptOutReason.REVIEWED_REPLY, "reply corrected by " + by);
        }
        return Optional.of(was);
    }

    /**
     * Campaign keyword texts received in {@code [from, until)} after the given one (by
     * time, then id), not waiting for a review, oldest first: what a sweep pages through
     * to hand on again the texts whose handling was lost.
     */
    @Transactional(readOnly = true)
    public List<ReplyReceived> keywordTexts(Instant from, long afterId, Instant until, int limit) {
        return this.jdbc.sql("""
                select id, from_number, body, message_id, campaign_id, contact_id, received_at, keyword_id
                from inbound_message
                where kind = 'KEYWORD' and (received_at, id) > (:from, :after) and received_at < :until
                  and keyword_id is not null and not needs_review
                order by received_at, id limit :limit""")
            .param("from", Timestamp.from(from))
            .param("after", afterId)
            .param("until", Timestamp.from(until))
            .param("limit", limit)
            .query((row, n) -> new ReplyReceived(row.getLong("id"), row.getString("from_number"), row.getString("body"),
                    row.getObject("message_id", Long.class),
                    new Attribution(row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                            null),
                    false, row.getTimestamp("received_at").toInstant(), ReplyKind.KEYWORD, row.getLong("keyword_id")))
            .list();
    }

    /** The corrections of a text's kind, oldest first. */
    @Transactional(readOnly = true)
    public List<KindCorrection> corrections(long id) {
        return this.jdbc.sql("select * from inbound_correction where inbound_id = :id order by corrected_at, id")
            .param("id", id)
            .query(Replies::correction)
            .list();
    }

    static KindCorrection correction(ResultSet row, int n) throws SQLException {
        return new KindCorrection(row.getLong("inbound_id"), ReplyKind.valueOf(row.getString("from_kind")),
                ReplyKind.valueOf(row.getString("to_kind")), row.getString("corrected_by"), row.getString("note"),
                row.getTimestamp("corrected_at").toInstant());
    }

    @Transactional(readOnly = true)
    public long awaitingReviewCount() {
        return this.jdbc.sql("select count(*) from inbound_message where needs_review and reviewed_at is null")
            .query(Long.class)
            .single();
    }

    static ReplyView view(ResultSet row, int n) throws SQLException {
        return new ReplyView(row.getLong("id"), row.getString("from_number"), row.getString("body"),
                row.getString("kind"), row.getBoolean("needs_review"), row.getString("review_result"),
                row.getString("reviewed_by"), row.getObject("message_id", Long.class),
                new Attribution(row.getObject("campaign_id", Long.class), row.getObject("contact_id", Long.class),
                        null),
                row.getTimestamp("received_at").toInstant(), row.getString("classified_kind"),
                row.getString("kind_reason"), instant(row.getTimestamp("answered_at")),
                Channel.valueOf(row.getString("channel")), row.getString("to_number"));
    }

    private static java.time.Instant instant(java.sql.Timestamp at) {
        return (at != null) ? at.toInstant() : null;
    }

}
